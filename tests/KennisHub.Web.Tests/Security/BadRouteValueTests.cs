using System.Text.RegularExpressions;
using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Security;

/// <summary>
/// Every page of the site, whoever builds it, is visited with unknown ids, invalid route values and a malformed query
/// string: the answer is a 4xx (or a page), never a 500.
/// </summary>
public sealed partial class BadRouteValueTests(TestAuthenticationFactory factory) : IClassFixture<TestAuthenticationFactory>
{
    // No %00 in a path: TestServer itself refuses to build such a request (Kestrel answers it with 400).
    private static readonly string[] BadValues =
    [
        Guid.NewGuid().ToString(), "bestaat-niet", "0", "-1", "99999999999999999999", "%2e%2e%2f%2e%2e", "a%01b", new string('a', 2000), "%E2%80%AE",
    ];

    private const string BadQuery = "?id=%ZZ&pagina=abc&page=-5&van=31-02-2026&tot=x&q=%00%01&slug=..%2f..&handler=bestaat-niet&culture=xx-XX";

    private List<string> PageRoutes()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Where(r => !r.StartsWith("/Error", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        routes.ShouldNotBeEmpty();
        return routes;
    }

    [Fact]
    public async Task Every_page_answers_bad_route_values_and_a_malformed_query_without_a_500()
    {
        using var client = factory.CreateClientAs("Beheerder Bea", RoleNames.Administrator);
        var failures = new List<string>();
        foreach (var route in PageRoutes())
        {
            var addresses = RouteParameter().IsMatch(route)
                ? BadValues.Select(value => RouteParameter().Replace(route, value))
                : [route];
            foreach (var address in addresses.SelectMany(a => new[] { a, a + BadQuery }))
            {
                using var response = await client.GetAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {address}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
