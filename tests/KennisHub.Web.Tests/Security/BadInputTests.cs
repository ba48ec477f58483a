using System.Net;
using System.Text;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Security;

/// <summary>A site with a small body limit, so that "too large" is cheap to send.</summary>
public sealed class SmallBodyLimitFactory : KennisHubFactory
{
    public const int Limit = 4096;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class BadInputTests(SmallBodyLimitFactory factory) : IClassFixture<SmallBodyLimitFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_form_larger_than_the_limit_answers_413_in_Dutch()
    {
        using var client = factory.CreateClient();
        using var form = new FormUrlEncodedContent([new("tekst", new string('x', SmallBodyLimitFactory.Limit * 2))]);
        using var response = await client.PostAsync("/", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Verzoek te groot");
    }

    [Fact]
    public async Task A_post_that_is_not_a_form_answers_415_in_Dutch()
    {
        using var client = factory.CreateClient();
        using var json = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/", json, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Niet ondersteund formaat");
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_answers_400_in_Dutch()
    {
        using var client = factory.CreateClient();
        using var form = new FormUrlEncodedContent([new("naam", "waarde")]);
        using var response = await client.PostAsync("/", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Ongeldig verzoek");
    }

    [Theory]
    [InlineData("/?%ZZ=%%&q=%E0%A4%A")]
    [InlineData("/?q=" + "%00%01%02")]
    [InlineData("/Error?statusCode=abc")]
    [InlineData("/Error?statusCode=99999999999999999999")]
    [InlineData("/bestaat-niet/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/%c0%af%c0%af")]
    [InlineData("/?q=<script>alert(1)</script>")]
    public async Task Malformed_addresses_never_answer_500(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        ((int)response.StatusCode).ShouldBeLessThan(500);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("<script>alert(1)</script>");
    }

    [Theory]
    [InlineData(400, "Ongeldig verzoek")]
    [InlineData(403, "Geen toegang")]
    [InlineData(404, "Pagina niet gevonden")]
    [InlineData(413, "Verzoek te groot")]
    [InlineData(415, "Niet ondersteund formaat")]
    [InlineData(429, "Te veel verzoeken")]
    [InlineData(500, "Er ging iets mis")]
    public async Task Every_status_page_has_its_own_Dutch_text(int statusCode, string title)
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync($"/Error?statusCode={statusCode}", Ct);

        html.ShouldContain($"<h1>{title}</h1>");
    }
}
