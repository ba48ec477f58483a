using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>One page of the site as the app itself knows it: its route templates and its compiled handlers.</summary>
public sealed record SitePage(string ViewEnginePath, IReadOnlyList<string> Templates, CompiledPageActionDescriptor Compiled)
{
    /// <summary>Every Razor page the running site serves, found through the endpoint data source and the page loader.</summary>
    public static async Task<List<SitePage>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<SitePage>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath);
        foreach (var page in endpoints)
        {
            var first = page.First();
            var compiled = await loader.LoadAsync(first.Metadata.GetMetadata<PageActionDescriptor>()!, first.Metadata);
            var templates = page.Select(e => "/" + e.RoutePattern.RawText).Distinct().OrderByDescending(t => t.Length).ToList();
            pages.Add(new SitePage(page.Key, templates, compiled));
        }

        pages.ShouldNotBeEmpty();
        return pages;
    }
}
