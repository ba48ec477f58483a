using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Localization;

/// <summary>
/// The English site has no Dutch UI text left in it: no hard-coded strings, no Identity or model-binding messages,
/// no Dutch dates. Content (titles, summaries, rendered Markdown) is written in Dutch and is left out of the check;
/// the words below only occur in our own resources.
/// </summary>
public sealed partial class EnglishCompletenessTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    private static readonly string[] DutchUiWords =
    [
        "Inloggen", "Uitloggen", "Registreren", "Wachtwoord", "wachtwoord", "Hoofdmenu", "Kruimelpad", "Paginering",
        "Zichtbaarheid", "niet verplicht", "Er is een probleem", "Fout:", "Naar de inhoud", "Openbaar",
        "Alleen netwerkleden", "Alleen atelier", "Vorige", "Volgende", "Profiel", "Tweestapsverificatie", "ongeldig",
        "Bijgewerkt", "Organisaties", "Thema's", "Trefwoorden", "Bron", "Vul", "Gebruik", "Het veld", "Pagina",
        "Goedkeuren", "Afwijzen", "Herhaal", "Terug", "Toegankelijkheid", "Taal kiezen",
    ];

    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    [Theory]
    [InlineData("/")]
    [InlineData("/themas")]
    [InlineData("/themas/wijkgericht-beheer")]
    [InlineData("/kennis")]
    [InlineData("/kennis/checklist-overdracht-project-naar-beheer")]
    [InlineData("/organisaties")]
    [InlineData("/toegankelijkheid")]
    [InlineData("/taal")]
    [InlineData("/account/inloggen")]
    [InlineData("/account/registreren")]
    [InlineData("/bestaat-niet")]
    [InlineData("/kennis?pagina=abc")]
    public async Task A_page_in_English_has_no_Dutch_interface_text(string url)
    {
        using var client = EnglishClient();
        if (url.StartsWith("/kennis/", StringComparison.Ordinal))
        {
            await client.SignInOrFailAsync("lid@kennishub.example", AccountFactory.DemoPassword);
        }

        using var response = await client.GetAsync(url);

        ShouldHaveNoDutch(await SiteClient.ParseAsync(response), url);
    }

    [Theory]
    [InlineData("/account/profiel", "lid@kennishub.example")]
    [InlineData("/account/wachtwoord-wijzigen", "lid@kennishub.example")]
    [InlineData("/account/tweestapsverificatie", "lid@kennishub.example")]
    [InlineData("/beheer/accounts", "beheerder@kennishub.example")]
    [InlineData("/beheer/logboek", "beheerder@kennishub.example")]
    public async Task A_signed_in_page_in_English_has_no_Dutch_interface_text(string url, string account)
    {
        using var client = EnglishClient();
        await client.SignInOrFailAsync(account, AccountFactory.DemoPassword);

        ShouldHaveNoDutch(await client.GetPageAsync(url), url);
    }

    [Fact]
    public async Task Sign_in_and_registration_errors_in_English_have_no_Dutch_text()
    {
        using var client = EnglishClient();

        using var signIn = await client.SignInAsync("", "");
        ShouldHaveNoDutch(await SiteClient.ParseAsync(signIn), "inloggen zonder invoer");

        using var register = await client.SubmitAsync("/account/registreren", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "geen-adres",
            ["Input.Password"] = "kort",
            ["Input.ConfirmPassword"] = "anders",
        });
        var page = await SiteClient.ParseAsync(register);
        page.QuerySelectorAll(".kh-error-summary li").Length.ShouldBeGreaterThan(2);
        ShouldHaveNoDutch(page, "registreren met fouten");
    }

    [Fact]
    public async Task The_check_does_find_the_Dutch_interface_on_the_Dutch_site()
    {
        using var client = SiteClient.Create(factory);

        var leaks = DutchIn(await client.GetPageAsync("/account/inloggen"));

        leaks.ShouldContain("Inloggen");
        leaks.ShouldContain("Wachtwoord");
    }

    private SiteClient EnglishClient()
    {
        var client = SiteClient.Create(factory);
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "en-GB,en;q=0.9");
        return client;
    }

    private static void ShouldHaveNoDutch(IDocument page, string what)
    {
        page.DocumentElement.GetAttribute("lang").ShouldBe("en", what);
        DutchIn(page).ShouldBeEmpty($"Nederlandse tekst in de Engelse versie van {what}: {page.Body!.TextContent}");
    }

    /// <summary>Dutch UI words and Dutch dates on the page, leaving out content (written in Dutch by nature).</summary>
    private static List<string> DutchIn(IDocument page)
    {
        // Content is Dutch by nature: rendered Markdown, titles and summaries, and anything marked lang="nl".
        foreach (var content in page.QuerySelectorAll("main .utrecht-html, main h1, .lead, .kh-card__title, .kh-card__summary, body [lang=nl], .kh-breadcrumbs li:last-child, main dd a, main li a[href^='/kennis/'], main li a[href^='/themas/'], main li a[href^='/organisaties/']").ToList())
        {
            content.Remove();
        }

        var text = Whitespace().Replace(page.Title + " " + page.Body!.TextContent, " ");
        var attributes = string.Join(" ", page.All.SelectMany(e => e.Attributes)
            .Where(a => a.Name is "aria-label" or "title" or "alt" or "placeholder")
            .Select(a => a.Value));
        var leaks = DutchUiWords.Where(word => ContainsWord(text, word) || ContainsWord(attributes, word)).ToList();
        var dates = page.QuerySelectorAll("time").Select(t => t.TextContent)
            .Where(date => DutchMonths.Any(month => date.Contains(month, StringComparison.Ordinal))).ToList();

        return [.. leaks, .. dates];
    }

    /// <summary>Whole words only: "Pagina" must not match the English "Pagination".</summary>
    private static bool ContainsWord(string text, string word)
        => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(word.Trim())}(?!\w)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
