using System.Text.RegularExpressions;
using KennisHub.Core.Identity;
using KennisHub.Web.Tests.Infrastructure;
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

    [Fact]
    public async Task Every_page_answers_405_with_Allow_for_a_method_it_has_no_handler_for_even_with_a_valid_token()
    {
        using var client = factory.CreateClientAs("Beheerder Bea", RoleNames.Administrator);
        var token = await AntiforgeryTokenAsync(client);
        var pages = await SitePage.DiscoverAsync(factory.Services);
        var failures = new List<string>();
        foreach (var page in pages)
        {
            var handled = page.Compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
            var address = RouteParameter().Replace(page.Templates[^1], "x");
            var refused = new[] { "PUT", "DELETE", "PATCH", "POST" }.Where(m => !handled.Contains(m));
            foreach (var method in refused)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), address)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                };
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                var allow = string.Join(", ", response.Content.Headers.Allow);
                if ((int)response.StatusCode != 405 || !allow.StartsWith("GET, HEAD", StringComparison.Ordinal) || allow.Contains(method, StringComparison.Ordinal))
                {
                    failures.Add($"{method} {address}: {(int)response.StatusCode}, Allow: {allow}");
                }
                else if (!(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("niet toegestaan", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{method} {address}: 405 without the Dutch text");
                }
            }
        }

        failures.ShouldBeEmpty();
        pages.Count.ShouldBeGreaterThan(15);
    }

    [Fact]
    public async Task A_post_to_a_handler_that_does_not_exist_answers_405_and_names_the_methods_the_page_handles()
    {
        using var client = factory.CreateClientAs("Beheerder Bea", RoleNames.Administrator);
        var token = await AntiforgeryTokenAsync(client);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync("/beheer/accounts?handler=BestaatNiet", content, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(405);
        string.Join(", ", response.Content.Headers.Allow).ShouldBe("GET, HEAD, POST");
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/account/uitloggen", TestContext.Current.CancellationToken);
        var token = TokenValue().Match(html).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
