using KennisHub.Browser.Tests.Infrastructure;
using KennisHub.Core.Content;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// Writing in the browser with the one Markdown editor, by labels, in both languages: a member writes an article
/// with the toolbar (mouse and keyboard) and both previews and publishes it; an atelier member creates a theme; two
/// people edit the same article from the same revision: different paragraphs are merged, the same line comes back
/// as a conflict with the second person's text kept, which they resolve and save. Every state is axe-checked.
/// </summary>
public abstract class EditorJourneysBase(LiveSite site) : BrowserTest(site)
{
    protected abstract bool English { get; }

    private string T(string dutch, string english) => English ? english : dutch;

    private ILocator Body(IPage page, bool theme = false) =>
        page.GetByLabel(theme ? T("Ambitie en toelichting", "Ambition and explanation") : T("Tekst", "Text"), new() { Exact = true });

    private ILocator Toolbar => Page.GetByRole(AriaRole.Toolbar);

    private ILocator Tool(string dutch, string english) => Toolbar.GetByRole(AriaRole.Button, new() { Name = T(dutch, english), Exact = true });

    private static ILocator MainButton(IPage page, string name) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_member_writes_an_article_with_the_toolbar_and_the_preview_publishes_it_and_sees_it()
    {
        await SignInAsync(Page, "lid@kennishub.example");
        await OpenAsync("/kennis/nieuw");
        await Expect(Heading1).ToHaveTextAsync(T("Nieuw kennisartikel", "New knowledge article"));
        await Expect(Toolbar).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        // The slug follows the title by the server's own rules while the person leaves it alone.
        var title = $"Bomen in Súdwest-Fryslân {Guid.NewGuid().ToString("N")[..6]}";
        await Page.GetByLabel(T("Titel", "Title"), new() { Exact = true }).FillAsync(title);
        var slug = Page.GetByLabel(T("Adres (slug) (niet verplicht)", "Address (slug) (optional)"), new() { Exact = true });
        await Expect(slug).ToHaveValueAsync(Slugs.Slugify(title));

        var body = Body(Page);
        await body.FillAsync("Aanpak");
        await body.PressAsync("Control+A");
        await Tool("Kop", "Heading").ClickAsync();
        await Expect(body).ToHaveValueAsync("## Aanpak");
        await body.PressAsync("End");
        await body.PressAsync("Enter");
        await body.PressAsync("Enter");
        await body.PressSequentiallyAsync("We beginnen ");
        await Tool("Vet", "Bold").ClickAsync();
        await Page.Keyboard.TypeAsync("klein");
        await Expect(body).ToHaveValueAsync("## Aanpak\n\nWe beginnen **klein**");

        // The toolbar is one tab stop; arrow keys, Home and End move inside it; Tab goes on to the text.
        await Tool("Kop", "Heading").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Tool("Vet", "Bold")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("End");
        await Expect(Tool("Citaat", "Quote")).ToBeFocusedAsync();
        await Expect(Tool("Citaat", "Quote")).ToHaveAttributeAsync("tabindex", "0");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(body).ToBeFocusedAsync();

        // A toolbar change is one step on the browser's own undo stack.
        await body.PressAsync("Control+End");
        await body.PressAsync("Enter");
        await body.PressAsync("Enter");
        var beforeList = await body.InputValueAsync();
        await Tool("Opsomming", "List").ClickAsync();
        await Expect(body).ToHaveValueAsync(beforeList + T("- punt", "- item"));
        await body.PressAsync("Control+z");
        await Expect(body).ToHaveValueAsync(beforeList);
        await body.PressSequentiallyAsync("Zie [[bestaat-nog-niet]].");

        // The live preview (htmx) follows the typing, rendered by the server's publishing pipeline.
        var preview = Page.GetByRole(AriaRole.Region, new() { Name = T("Voorbeeld", "Preview"), Exact = true });
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Aanpak" })).ToBeVisibleAsync();
        await Expect(preview.Locator("strong")).ToHaveTextAsync("klein");
        await Expect(preview).ToContainTextAsync(T("(link werkt niet)", "(broken link)"));
        await ExpectAccessibleAsync();

        // "Voorbeeld" posts the form: the same preview, everything typed still there.
        await MainButton(Page, T("Voorbeeld", "Preview")).ClickAsync();
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Aanpak" })).ToBeVisibleAsync();
        await Expect(body).ToHaveValueAsync("## Aanpak\n\nWe beginnen **klein**\n\nZie [[bestaat-nog-niet]].");
        await Expect(slug).ToHaveValueAsync(Slugs.Slugify(title));
        await ExpectAccessibleAsync();

        await MainButton(Page, T("Opslaan", "Save")).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync(title);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("Opgeslagen.", "Saved."));
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Name = "Aanpak" })).ToBeVisibleAsync();
        Page.Url.ShouldEndWith("/kennis/" + Slugs.Slugify(title));
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_atelier_member_creates_a_theme()
    {
        await SignInAsync(Page, "atelier@kennishub.example");
        await OpenAsync("/themas/nieuw");
        await Expect(Heading1).ToHaveTextAsync(T("Nieuw thema", "New theme"));
        await ExpectAccessibleAsync();

        var title = $"Hittebestendige wijken {Guid.NewGuid().ToString("N")[..6]}";
        await Page.GetByLabel(T("Titel", "Title"), new() { Exact = true }).FillAsync(title);
        await Body(Page, theme: true).FillAsync("Koele routes in elke wijk.");
        await Body(Page, theme: true).PressAsync("Control+A");
        await Tool("Citaat", "Quote").ClickAsync();
        await Expect(Body(Page, theme: true)).ToHaveValueAsync("> Koele routes in elke wijk.");
        await Page.GetByLabel(T("Actief", "Active"), new() { Exact = true }).CheckAsync();
        await MainButton(Page, T("Opslaan", "Save")).ClickAsync();

        await Expect(Heading1).ToHaveTextAsync(title);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("Opgeslagen.", "Saved."));
        await Expect(Page.GetByRole(AriaRole.Main).Locator("blockquote")).ToContainTextAsync("Koele routes in elke wijk.");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Two_people_edit_the_same_revision_different_paragraphs_merge_the_same_line_is_a_conflict_they_resolve()
    {
        await SignInAsync(Page, "lid@kennishub.example");
        await OpenAsync("/kennis/nieuw");
        var title = $"Samen schrijven {Guid.NewGuid().ToString("N")[..6]}";
        await Page.GetByLabel(T("Titel", "Title"), new() { Exact = true }).FillAsync(title);
        await Body(Page).FillAsync("Eerste alinea.\n\nTweede alinea.");
        await MainButton(Page, T("Opslaan", "Save")).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync(title);
        var address = new Uri(Page.Url).AbsolutePath;

        await using var other = await Site.Browser.NewContextAsync(new() { BaseURL = Site.BaseUrl, Locale = Locale });
        var administrator = await other.NewPageAsync();
        await SignInAsync(administrator, "beheerder@kennishub.example");

        // Round 1: both open the same revision; the member changes the first paragraph, the Beheerder the second.
        await Page.GotoAsync(address + "/bewerken");
        await administrator.GotoAsync(address + "/bewerken");
        await Body(Page).FillAsync("Eerste alinea, door het lid.\n\nTweede alinea.");
        await MainButton(Page, T("Opslaan", "Save")).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("Opgeslagen.", "Saved."));
        await Body(administrator).FillAsync("Eerste alinea.\n\nTweede alinea, door de beheerder.");
        await MainButton(administrator, T("Opslaan", "Save")).ClickAsync();
        await Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Samengevoegd met de wijziging van", "Merged with the change by"));
        await Expect(administrator.GetByRole(AriaRole.Main)).ToContainTextAsync("Eerste alinea, door het lid.");
        await Expect(administrator.GetByRole(AriaRole.Main)).ToContainTextAsync("Tweede alinea, door de beheerder.");

        // Round 2: both open the merged revision and change the same words of the same line (a change of other words in
        // that line would merge word by word, as diff3 should).
        await Page.GotoAsync(address + "/bewerken");
        await administrator.GotoAsync(address + "/bewerken");
        await Body(Page).FillAsync("Eerste alinea, door het lid.\n\nTweede alinea, door de wethouder.");
        await MainButton(Page, T("Opslaan", "Save")).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("Opgeslagen.", "Saved."));
        const string mine = "Eerste alinea, door het lid.\n\nTweede alinea, door de burgemeester.";
        await Body(administrator).FillAsync(mine);
        await MainButton(administrator, T("Opslaan", "Save")).ClickAsync();

        await Expect(administrator.GetByRole(AriaRole.Heading, new() { Name = T("Bewerkingsconflict", "Edit conflict"), Exact = false })).ToBeVisibleAsync();
        await Expect(administrator.GetByRole(AriaRole.Main)).ToContainTextAsync("Tweede alinea, door de wethouder.");
        await Expect(Body(administrator)).ToHaveValueAsync(mine);
        await AxeCheck.ExpectNoViolationsAsync(administrator);

        await administrator.GetByLabel(T("Mijn versie houden", "Keep my version"), new() { Exact = true }).CheckAsync();
        await MainButton(administrator, T("Opslaan", "Save")).ClickAsync();
        await Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Opgeslagen.", "Saved."));
        await Expect(administrator.GetByRole(AriaRole.Main)).ToContainTextAsync("Tweede alinea, door de burgemeester.");
        await AxeCheck.ExpectNoViolationsAsync(administrator);
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel(T("E-mailadres", "Email address"), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(T("Wachtwoord", "Password"), new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await MainButton(page, T("Inloggen", "Sign in")).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = T("Uitloggen", "Sign out") })).ToBeVisibleAsync();
    }
}

public sealed class EditorJourneys(LiveSite site) : EditorJourneysBase(site)
{
    protected override bool English => false;
}

public sealed class EditorJourneysInEnglish(LiveSite site) : EditorJourneysBase(site)
{
    protected override bool English => true;

    protected override string Locale => "en";
}

/// <summary>
/// The slug the editor proposes while typing (wwwroot/js/slug.js) is the one the server would make
/// (Core/Content/Slugs.Slugify): both run on Dutch titles with diacritics and on characters that could tell them apart.
/// </summary>
public sealed class SlugRulesJourneys(LiveSite site) : BrowserTest(site)
{
    private static readonly string[] Titles =
    [
        "'s-Hertogenbosch", "’s-Gravenhage", "Súdwest-Fryslân", "Beek (L.)", "Coördinatie van het groenbeheer",
        "Ideeën voor privé-tuinen", "Één loket voor de wijk", "Café ’t Hoekje", "Zoë's plan — 2026/2027",
        "  Spaties   rondom  ", "IJsselmonde en ĳsbaan", "Straße & Co", "Ångström, Øresund, Œuvre", "½ ¼ ² ³",
        "İstanbul en Iğdır", "Αθήνα", "Bomen 🌳 in de wijk", "ﬁetspad", "Ŀl·l", "e\u0301e\u0301n", "K\u212Aelvin", "---", "",
    ];

    [Fact]
    public async Task The_browsers_slug_rules_give_what_the_server_gives_on_every_title()
    {
        await OpenAsync("/");

        var proposed = await Page.EvaluateAsync<string[]>(
            "async titles => { const { slugify } = await import('/js/slug.js'); return titles.map(slugify); }", Titles);

        proposed.ShouldBe(Titles.Select(Slugs.Slugify).ToArray());
    }
}
