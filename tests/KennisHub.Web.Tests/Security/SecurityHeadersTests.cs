using System.Net;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Security;

public sealed class SecurityHeadersTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/bestaat-niet", HttpStatusCode.NotFound)]
    public async Task Pages_and_error_pages_carry_the_security_headers(string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header(response, "Permissions-Policy").ShouldContain("camera=()");
        Header(response, "Permissions-Policy").ShouldContain("geolocation=()");
        Header(response, "Cross-Origin-Opener-Policy").ShouldBe("same-origin");
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task The_content_security_policy_allows_no_inline_script_and_no_framing()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        var directives = Header(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        directives["default-src"].ShouldBe("default-src 'self'");
        directives["script-src"].ShouldBe("script-src 'self'");
        directives["style-src"].ShouldBe("style-src 'self'");
        directives["object-src"].ShouldBe("object-src 'none'");
        directives["base-uri"].ShouldBe("base-uri 'self'");
        directives["form-action"].ShouldBe("form-action 'self'");
        directives["frame-ancestors"].ShouldBe("frame-ancestors 'none'");
        directives.Values.ShouldAllBe(d => !d.Contains("unsafe-inline") && !d.Contains("unsafe-eval"));
    }

    [Fact]
    public async Task Https_responses_outside_Development_carry_HSTS()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://kennishub.example") });
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Header(response, "Strict-Transport-Security").ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_the_policy_would_block()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);

        document.Scripts.Where(s => string.IsNullOrEmpty(s.Source)).ShouldBeEmpty();
        document.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();
        document.QuerySelectorAll("[style]").ShouldBeEmpty();
    }

    internal static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"De header {name} ontbreekt.");
}
