using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KennisHub.Web.Tests.Localization;

/// <summary>nl-NL by default, English by the browser's Accept-Language or by the user's choice at /taal.</summary>
public sealed class LanguageTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);

    [Fact]
    public async Task Without_a_choice_the_site_is_Dutch()
    {
        using var client = Client();

        var page = await ReadAsync(await client.GetAsync("/", Cancel));

        page.DocumentElement.GetAttribute("lang").ShouldBe("nl");
        page.QuerySelector("a[href='#inhoud']")!.TextContent.ShouldBe("Naar de inhoud");
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", "en", "Skip to content")]
    [InlineData("en-US", "en", "Skip to content")]
    [InlineData("nl-NL,nl;q=0.9,en;q=0.5", "nl", "Naar de inhoud")]
    [InlineData("de-DE", "nl", "Naar de inhoud")]
    public async Task The_browser_language_picks_the_site_language(string acceptLanguage, string lang, string skipLink)
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await ReadAsync(await client.GetAsync("/toegankelijkheid", Cancel));

        page.DocumentElement.GetAttribute("lang").ShouldBe(lang);
        page.QuerySelector("a[href='#inhoud']")!.TextContent.ShouldBe(skipLink);
    }

    [Fact]
    public async Task Choosing_English_sets_the_culture_cookie_and_returns_to_the_page()
    {
        using var client = Client();

        var response = await ChooseLanguageAsync(client, "en", "/toegankelijkheid");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/toegankelijkheid");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        cookie.ShouldContain("c%3Den%7Cuic%3Den");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);

        var page = await ReadAsync(await client.GetAsync("/toegankelijkheid", Cancel));
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Accessibility");
    }

    [Fact]
    public async Task The_cookie_choice_wins_over_the_browser_language()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Accept-Language", "en-GB");
        await ChooseLanguageAsync(client, "nl-NL", "/");

        var page = await ReadAsync(await client.GetAsync("/", Cancel));

        page.DocumentElement.GetAttribute("lang").ShouldBe("nl");
    }

    [Fact]
    public async Task A_link_with_culture_en_opens_in_English_unless_the_reader_chose_Dutch()
    {
        using var client = Client();

        var linked = await ReadAsync(await client.GetAsync("/toegankelijkheid?culture=en", Cancel));
        linked.DocumentElement.GetAttribute("lang").ShouldBe("en");

        await ChooseLanguageAsync(client, "nl-NL", "/");
        var chosen = await ReadAsync(await client.GetAsync("/toegankelijkheid?culture=en", Cancel));
        chosen.DocumentElement.GetAttribute("lang").ShouldBe("nl");
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var client = Client();

        var response = await ChooseLanguageAsync(client, "en", "https://kwaadwillend.example/phish");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_an_error_summary_linked_to_the_choice()
    {
        using var client = Client();

        var response = await ChooseLanguageAsync(client, "fy", "/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        cookies.ShouldNotContain(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var page = await ReadAsync(response);
        var summary = page.QuerySelector("[data-kh-error-summary]")!;
        summary.QuerySelector("a")!.GetAttribute("href").ShouldBe("#culture");
        page.GetElementById("culture").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/kennis?trefwoord=café", "/kennis?trefwoord=caf%C3%A9")]
    [InlineData("/...¿'\"(", "/...%C2%BF'\"(")]
    [InlineData("/kennis?trefwoord=caf%C3%A9", "/kennis?trefwoord=caf%C3%A9")]
    public async Task A_return_address_with_non_ASCII_characters_is_sent_back_percent_encoded(string returnUrl, string location)
    {
        using var client = Client();

        var response = await ChooseLanguageAsync(client, "en", returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(location);
    }

    [Fact]
    public async Task Choosing_a_language_needs_no_token_and_pages_carry_none()
    {
        using var client = Client();

        var response = await client.GetAsync("/taal?culture=en&returnUrl=%2F", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await ReadAsync(await client.GetAsync("/taal", Cancel));
        page.QuerySelectorAll("input[name=__RequestVerificationToken]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_header_language_button_is_a_token_free_get_form_that_works_without_javascript()
    {
        using var client = Client();

        var page = await ReadAsync(await client.GetAsync("/toegankelijkheid?x=1", Cancel));

        var form = page.QuerySelector("header form[action='/taal']")!;
        form.GetAttribute("method").ShouldBe("get");
        form.QuerySelector("input[name=culture]")!.GetAttribute("value").ShouldBe("en");
        form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value").ShouldBe("/toegankelijkheid?x=1");
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
        var button = form.QuerySelector("button")!;
        button.TextContent.ShouldBe("English");
        button.GetAttribute("lang").ShouldBe("en");
    }

    [Theory]
    [InlineData("nl-NL", "24 november 2026", "C, eerste maatregelen genomen")]
    [InlineData("en", "November 24, 2026", "C, first measures taken")]
    public async Task The_statement_shows_configured_status_and_date_in_the_reader_s_format(string culture, string date, string status)
    {
        using var client = Client();
        await ChooseLanguageAsync(client, culture, "/");

        var page = await ReadAsync(await client.GetAsync("/toegankelijkheid", Cancel));

        page.QuerySelector("time")!.TextContent.ShouldContain(date);
        page.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2026-11-24");
        page.Body!.TextContent.ShouldContain(status);
        page.QuerySelectorAll("a").ShouldContain(a => a.GetAttribute("href") == "https://www.toegankelijkheidsverklaring.nl/register");
    }

    [Fact]
    public async Task Every_page_footer_links_to_the_accessibility_statement()
    {
        using var client = Client();

        foreach (var path in new[] { "/", "/toegankelijkheid", "/taal", "/bestaat-niet" })
        {
            var page = await ReadAsync(await client.GetAsync(path, Cancel));
            page.QuerySelectorAll("footer a").ShouldContain(a => a.GetAttribute("href") == "/toegankelijkheid", path);
        }
    }

    private static Task<HttpResponseMessage> ChooseLanguageAsync(HttpClient client, string culture, string returnUrl) =>
        client.GetAsync($"/taal?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}", Cancel);
}
