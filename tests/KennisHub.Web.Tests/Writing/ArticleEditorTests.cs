using System.Net;
using AngleSharp.Dom;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Writing;

/// <summary>The article editor through real forms, signed in as the demo accounts: write, preview, validate, merge, conflict.</summary>
public sealed partial class ArticleEditorTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_network_member_writes_an_article_sees_Opgeslagen_and_may_edit_it()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var slug = NewSlug();

        using var saved = await member.SubmitAsync("/kennis/nieuw", ArticleForm("Groen beheer in de wijk", slug, "## Aanpak\n\nWe beginnen **klein**."), "form#editor");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe($"/kennis/{slug}");
        var page = await member.GetPageAsync($"/kennis/{slug}");
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Opgeslagen.");
        page.QuerySelector("article h2")!.TextContent.ShouldBe("Aanpak");
        page.QuerySelector($"a[href='/kennis/{slug}/bewerken']")!.TextContent.ShouldBe("Bewerken");
        (await member.GetPageAsync($"/kennis/{slug}")).QuerySelector("[role=status]").ShouldBeNull();
        (await member.GetPageAsync($"/kennis/{slug}/bewerken")).QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldContain("We beginnen **klein**.");
    }

    [Fact]
    public async Task Another_member_gets_403_on_the_editor_and_a_Beheerder_may_edit()
    {
        using var writer = await SignedInAsync("lid@kennishub.example");
        var slug = NewSlug();
        (await writer.SubmitAsync("/kennis/nieuw", ArticleForm("Van een ander", slug, "Tekst."), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var other = await SignedInAsync("atelier@kennishub.example");
        using var administrator = await SignedInAsync("beheerder@kennishub.example");

        using var refused = await other.GetAsync($"/kennis/{slug}/bewerken");

        refused.Headers.Location!.OriginalString.ShouldContain("/account/geen-toegang");
        (await other.GetPageAsync($"/kennis/{slug}")).QuerySelector($"a[href='/kennis/{slug}/bewerken']").ShouldBeNull();
        (await administrator.GetAsync($"/kennis/{slug}/bewerken")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_form_keeps_everything_typed_and_says_what_is_wrong_in_Dutch()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var fields = ArticleForm(" ", "Geen Goede Slug", "Mijn zorgvuldig getypte tekst.");
        fields["Input.Summary"] = "Mijn samenvatting";
        fields["Input.Keywords[0]"] = "Bomen";

        using var response = await member.SubmitAsync("/kennis/nieuw", fields, "form#editor");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector(".utrecht-form-field-error-message, #Input_Title-error")!.TextContent.ShouldContain("Titel: vul dit veld in.");
        page.Body!.TextContent.ShouldContain("Adres (slug) mag alleen kleine letters");
        page.QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldBe("Mijn zorgvuldig getypte tekst.");
        page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.ShouldBe("Mijn samenvatting");
        page.QuerySelector("input[name='Input.Keywords[0]']")!.GetAttribute("value").ShouldBe("Bomen");
        page.QuerySelector("input[name='Input.Slug']")!.GetAttribute("value").ShouldBe("Geen Goede Slug");
    }

    [Fact]
    public async Task Voorbeeld_renders_the_text_with_the_publishing_pipeline_and_loses_nothing()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var page = await member.GetPageAsync("/kennis/nieuw");
        var form = page.QuerySelector("form#editor")!;
        var fields = ArticleForm("Voorbeeldtitel", NewSlug(), "Dit is **vet**.\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))");

        using var response = await member.SubmitAsync(form, fields, "/kennis/nieuw?handler=Voorbeeld");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await SiteClient.ParseAsync(response);
        var html = preview.QuerySelector(".kh-preview .utrecht-html")!;
        html.QuerySelector("strong")!.TextContent.ShouldBe("vet");
        html.QuerySelector("script").ShouldBeNull();
        html.QuerySelectorAll("a").ShouldAllBe(a => a.GetAttribute("href") == null || !a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        preview.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").ShouldBe("Voorbeeldtitel");
        preview.QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task A_save_from_an_older_revision_is_merged_and_an_overlapping_one_comes_back_as_a_conflict_to_resolve()
    {
        using var anna = await SignedInAsync("lid@kennishub.example");
        using var administrator = await SignedInAsync("beheerder@kennishub.example");
        var slug = NewSlug();
        (await anna.SubmitAsync("/kennis/nieuw", ArticleForm("Samen schrijven", slug, "Eerste alinea.\n\nTweede alinea.\n"), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var openedByAdministrator = (await administrator.GetPageAsync($"/kennis/{slug}/bewerken")).QuerySelector("form#editor")!;
        var openedAgain = (await administrator.GetPageAsync($"/kennis/{slug}/bewerken")).QuerySelector("form#editor")!;
        (await anna.SubmitAsync($"/kennis/{slug}/bewerken", ArticleForm("Samen schrijven", slug, "Eerste alinea, door Anna.\n\nTweede alinea.\n"), "form#editor"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var merged = await administrator.SubmitAsync(openedByAdministrator, ArticleForm("Samen schrijven", slug, "Eerste alinea.\n\nTweede alinea, door de beheerder.\n"), $"/kennis/{slug}/bewerken");
        merged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterMerge = await administrator.GetPageAsync($"/kennis/{slug}");
        afterMerge.QuerySelector("[role=status]")!.TextContent.ShouldBe("Opgeslagen. Samengevoegd met de wijziging van Demo Netwerklid.");
        afterMerge.QuerySelector("article")!.TextContent.ShouldContain("Eerste alinea, door Anna.");
        afterMerge.QuerySelector("article")!.TextContent.ShouldContain("Tweede alinea, door de beheerder.");

        using var conflicted = await administrator.SubmitAsync(openedAgain, ArticleForm("Samen schrijven", slug, "Eerste alinea, door de beheerder.\n\nTweede alinea.\n"), $"/kennis/{slug}/bewerken");
        conflicted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var conflictPage = await SiteClient.ParseAsync(conflicted);
        conflictPage.QuerySelector("#conflict-kop")!.TextContent.ShouldContain("Bewerkingsconflict");
        conflictPage.QuerySelectorAll(".kh-conflict-region").Length.ShouldBe(1);
        conflictPage.QuerySelector(".kh-conflict-region")!.TextContent.ShouldContain("door Anna");
        conflictPage.QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldContain("Eerste alinea, door de beheerder.");

        var form = conflictPage.QuerySelector("form#editor")!;
        var unresolved = await administrator.SubmitAsync(form, ArticleForm("Samen schrijven", slug, "Eerste alinea, door de beheerder.\n\nTweede alinea.\n"), $"/kennis/{slug}/bewerken");
        unresolved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SiteClient.ParseAsync(unresolved)).Body!.TextContent.ShouldContain("Kies bij conflict 1 welke versie blijft.");

        var resolve = ArticleForm("Samen schrijven", slug, "Eerste alinea, door de beheerder.\n\nTweede alinea.\n");
        resolve["Conflict.Choices[0]"] = "Mine";
        using var resolved = await administrator.SubmitAsync(form, resolve, $"/kennis/{slug}/bewerken");
        resolved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var final = await administrator.GetPageAsync($"/kennis/{slug}");
        // diff3 groups the two changes of theirs that touch this edit's change into one region: "mine" keeps mine.
        final.QuerySelector("article")!.TextContent.ShouldContain("Eerste alinea, door de beheerder.");
        final.QuerySelector("article")!.TextContent.ShouldNotContain("door Anna");
    }

    [Fact]
    public async Task A_renamed_article_answers_on_its_old_slug_with_a_permanent_redirect()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var (oldSlug, newSlug) = (NewSlug(), NewSlug());
        (await member.SubmitAsync("/kennis/nieuw", ArticleForm("Hernoemd", oldSlug, "Tekst."), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.SubmitAsync($"/kennis/{oldSlug}/bewerken", ArticleForm("Hernoemd", newSlug, "Tekst."), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var visitor = SiteClient.Create(factory);
        using var old = await visitor.GetAsync($"/kennis/{oldSlug}");

        old.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        old.Headers.Location!.OriginalString.ShouldBe($"/kennis/{newSlug}");
    }

    [Fact]
    public async Task An_atelier_member_creates_a_theme_becomes_its_coauthor_and_edits_its_status()
    {
        using var atelier = await SignedInAsync("atelier@kennishub.example");
        var slug = "thema-" + Guid.NewGuid().ToString("N")[..10];
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Hittebestendige wijken", ["Input.Slug"] = slug, ["Input.Body"] = "## Ambitie\n\nKoele routes in elke wijk.",
            ["Input.Visibility"] = "Atelier", ["Input.Status"] = "Exploring", ["Input.LeadOrganisationId"] = "", ["Input.Keywords[0]"] = "Hitte",
        };

        using var created = await atelier.SubmitAsync("/themas/nieuw", fields, "form#editor");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.OriginalString.ShouldBe($"/themas/{slug}");
        var page = await atelier.GetPageAsync($"/themas/{slug}");
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Opgeslagen.");
        page.QuerySelector($"a[href='/themas/{slug}/bewerken']").ShouldNotBeNull();
        var editor = await atelier.GetPageAsync($"/themas/{slug}/bewerken");
        editor.QuerySelector("#status-Exploring")!.HasAttribute("checked").ShouldBeTrue();
        fields["Input.Status"] = "Active";
        (await atelier.SubmitAsync(editor.QuerySelector("form#editor")!, fields, $"/themas/{slug}/bewerken")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await atelier.GetPageAsync($"/themas/{slug}/bewerken")).QuerySelector("#status-Active")!.HasAttribute("checked").ShouldBeTrue();

        using var member = await SignedInAsync("lid@kennishub.example");
        (await member.GetAsync("/themas/nieuw")).Headers.Location!.OriginalString.ShouldContain("/account/geen-toegang");
        (await member.GetAsync($"/themas/{slug}/bewerken")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restoring_an_old_revision_shows_what_comes_back_and_appends_it_as_a_new_revision()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var slug = NewSlug();
        (await member.SubmitAsync("/kennis/nieuw", ArticleForm("Herstelbaar", slug, "De eerste tekst."), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.SubmitAsync($"/kennis/{slug}/bewerken", ArticleForm("Herstelbaar", slug, "Een mislukte wijziging."), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var confirmation = await member.GetPageAsync($"/kennis/{slug}/herstellen/1");
        confirmation.QuerySelector(".kh-preview")!.TextContent.ShouldContain("De eerste tekst.");
        using var restored = await member.SubmitAsync($"/kennis/{slug}/herstellen/1", new Dictionary<string, string>());

        restored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await member.GetPageAsync($"/kennis/{slug}");
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Versie 1 is hersteld als nieuwe versie.");
        page.QuerySelector("article")!.TextContent.ShouldContain("De eerste tekst.");
        (await member.GetPageAsync($"/kennis/{slug}/herstellen/2")).QuerySelector(".kh-preview")!.TextContent.ShouldContain("Een mislukte wijziging.");
        (await member.GetPageAsync($"/kennis/{slug}/herstellen/3")).QuerySelector(".kh-preview")!.TextContent.ShouldContain("De eerste tekst.");
        (await member.GetAsync($"/kennis/{slug}/herstellen/4")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string NewSlug() => "artikel-" + Guid.NewGuid().ToString("N")[..10];

    private static Dictionary<string, string> ArticleForm(string title, string slug, string body) => new()
    {
        ["Input.Title"] = title,
        ["Input.Slug"] = slug,
        ["Input.Body"] = body,
        ["Input.Visibility"] = "Public",
        ["Input.OrganisationId"] = "",
    };

    private async Task<SiteClient> SignedInAsync(string email)
    {
        var client = SiteClient.Create(factory);
        await client.SignInOrFailAsync(email, AccountFactory.DemoPassword);
        return client;
    }
}
