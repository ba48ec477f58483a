using System.Net;
using AngleSharp.Html.Parser;
using KennisHub.Core.Identity;
using KennisHub.Core.Revisions;

namespace KennisHub.Web.Tests.History;

public sealed partial class AroundTheEditorTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_history_lists_every_revision_newest_first_with_time_author_summary_and_signed_size_change()
    {
        await AddItemAsync(SubjectKinds.Article, "geschiedenis-drie", "Public",
            ("Bermbeheer", "Maaien twee keer per jaar.", "Eerste opzet"),
            ("Bermbeheer", "Maaien twee keer per jaar, afvoeren van het maaisel.", "Afvoeren toegevoegd"),
            ("Ecologisch bermbeheer", "Maaien.", ""));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/kennis/geschiedenis-drie/geschiedenis", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct));

        var rows = page.QuerySelectorAll(".kh-history__table tbody tr").ToList();
        rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()).ShouldBe(["Versie 3", "Versie 2", "Versie 1"]);
        rows[0].TextContent.ShouldContain("(geen omschrijving)");
        rows[1].TextContent.ShouldContain("Afvoeren toegevoegd");
        rows[0].QuerySelector(".kh-history__size")!.TextContent.Trim().ShouldBe("-45 tekens");
        rows[1].QuerySelector(".kh-history__size")!.TextContent.Trim().ShouldBe("+26 tekens");
        rows[2].QuerySelector(".kh-history__size")!.TextContent.Trim().ShouldBe("+26 tekens");
        rows[2].TextContent.ShouldContain("KennisHub (import)");
        rows[0].QuerySelector("time")!.GetAttribute("datetime").ShouldNotBeNullOrEmpty();
        rows[1].QuerySelector("a[href='/kennis/geschiedenis-drie/vergelijken?van=1&naar=2']").ShouldNotBeNull();
        rows[2].QuerySelector("a[href*='vergelijken']").ShouldBeNull("versie 1 heeft geen vorige");

        // The compare form starts on the two newest and goes to the comparison page without script.
        var form = page.QuerySelector("form.kh-history")!;
        form.GetAttribute("method").ShouldBe("get");
        form.GetAttribute("action").ShouldBe("/kennis/geschiedenis-drie/vergelijken");
        form.QuerySelector("input[name=van][checked]")!.GetAttribute("value").ShouldBe("2");
        form.QuerySelector("input[name=naar][checked]")!.GetAttribute("value").ShouldBe("3");
        page.QuerySelectorAll("input[type=radio]").ShouldAllBe(input => input.ParentElement!.TagName == "LABEL");

        // The item's page links to it.
        (await client.GetStringAsync("/kennis/geschiedenis-drie", Ct)).ShouldContain("href=\"/kennis/geschiedenis-drie/geschiedenis\"");
    }

    [Fact]
    public async Task Restore_is_offered_to_signed_in_members_for_every_revision_but_the_current_and_never_to_a_visitor()
    {
        await AddItemAsync(SubjectKinds.Theme, "geschiedenis-herstel", "Public", ("Een", "Eerste.", ""), ("Twee", "Tweede.", ""));
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);

        var forVisitor = Parser.ParseDocument(await visitor.GetStringAsync("/themas/geschiedenis-herstel/geschiedenis", Ct));
        var forMember = Parser.ParseDocument(await member.GetStringAsync("/themas/geschiedenis-herstel/geschiedenis", Ct));

        forVisitor.QuerySelectorAll("a[href*='/herstellen/']").ShouldBeEmpty();
        forMember.QuerySelectorAll("a[href*='/herstellen/']").Select(a => a.GetAttribute("href")).ShouldBe(["/themas/geschiedenis-herstel/herstellen/1"]);
        (await member.GetStringAsync("/themas/geschiedenis-herstel/geschiedenis/1", Ct)).ShouldContain("href=\"/themas/geschiedenis-herstel/herstellen/1\"");
    }

    [Fact]
    public async Task A_long_history_pages_by_fifty_with_a_pager_and_answers_bad_and_past_the_end_pages()
    {
        var revisions = Enumerable.Range(1, 60).Select(i => ($"Titel {i}", new string('w', i), $"Wijziging {i}")).ToArray();
        await AddItemAsync(SubjectKinds.Article, "geschiedenis-lang", "Public", revisions);
        using var client = factory.CreateClient();

        var first = Parser.ParseDocument(await client.GetStringAsync("/kennis/geschiedenis-lang/geschiedenis", Ct));
        first.QuerySelectorAll(".kh-history__table tbody tr").Length.ShouldBe(50);
        first.QuerySelector(".kh-history__table tbody th")!.TextContent.Trim().ShouldBe("Versie 60");
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("/kennis/geschiedenis-lang/geschiedenis?pagina=2");

        var second = Parser.ParseDocument(await client.GetStringAsync("/kennis/geschiedenis-lang/geschiedenis?pagina=2", Ct));
        second.QuerySelectorAll(".kh-history__table tbody th").Select(th => th.TextContent.Trim()).ShouldBe(Enumerable.Range(1, 10).Reverse().Select(i => $"Versie {i}"));
        second.QuerySelector("a[rel=next]").ShouldBeNull();

        (await client.GetAsync("/kennis/geschiedenis-lang/geschiedenis?pagina=3", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await client.GetAsync("/kennis/geschiedenis-lang/geschiedenis?pagina=abc", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Parser.ParseDocument(await bad.Content.ReadAsStringAsync(Ct)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Het paginanummer 'abc' is ongeldig");
    }

    [Theory]
    [InlineData("/kennis/proef-netwerkartikel/geschiedenis")]
    [InlineData("/kennis/proef-netwerkartikel/geschiedenis/1")]
    [InlineData("/kennis/proef-netwerkartikel/vergelijken?van=1&naar=1")]
    [InlineData("/kennis/proef-netwerkartikel/vergelijken")]
    [InlineData("/kennis/proef-netwerkartikel/vergelijken?van=x")]
    [InlineData("/kennis/proef-netwerkartikel/geschiedenis?pagina=x")]
    public async Task A_hidden_items_history_is_404_and_shows_nothing_of_it(string url)
    {
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);

        var response = await visitor.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Pagina niet gevonden");
        html.ShouldNotContain("Proefartikel voor netwerkleden");

        ((int)(await member.GetAsync(url, Ct)).StatusCode).ShouldBeLessThan(404);
    }

    [Theory]
    [InlineData("/themas/proef-atelierthema/geschiedenis", RoleNames.NetworkMember, HttpStatusCode.NotFound)]
    [InlineData("/themas/proef-atelierthema/geschiedenis", RoleNames.AtelierMember, HttpStatusCode.OK)]
    [InlineData("/themas/proef-openbaar-thema/geschiedenis", null, HttpStatusCode.OK)]
    [InlineData("/themas/proef-openbaar-thema/geschiedenis/1", null, HttpStatusCode.OK)]
    [InlineData("/themas/proef-openbaar-thema/geschiedenis/2", null, HttpStatusCode.NotFound)]
    [InlineData("/themas/proef-openbaar-thema/geschiedenis/0", null, HttpStatusCode.NotFound)]
    [InlineData("/themas/proef-openbaar-thema/geschiedenis/abc", null, HttpStatusCode.NotFound)]
    [InlineData("/organisaties/gemeente-kampen/geschiedenis", null, HttpStatusCode.NotFound)]
    public async Task History_pages_answer_as_the_items_visibility_says(string url, string? role, HttpStatusCode expected)
    {
        using var client = role is null ? factory.CreateClient() : factory.CreateClientWithRoles(role);
        (await client.GetAsync(url, Ct)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task A_revision_page_shows_the_text_as_it_read_then_rendered_by_the_publishing_pipeline()
    {
        await AddItemAsync(SubjectKinds.Article, "geschiedenis-versie", "Public",
            ("Oude titel", "## Aanpak\n\nWe **maaien** laat.", "Eerste"),
            ("Nieuwe titel", "Nieuwe tekst.", "Tweede"));
        using var client = factory.CreateClient();

        var page = Parser.ParseDocument(await client.GetStringAsync("/kennis/geschiedenis-versie/geschiedenis/1", Ct));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Oude titel");
        page.QuerySelector("article .utrecht-html strong")!.TextContent.ShouldBe("maaien");
        page.QuerySelector("[role=note]")!.TextContent.ShouldContain("Dit is versie 1 van 2");
        page.QuerySelector("a[href='/kennis/geschiedenis-versie/vergelijken?van=1&naar=2']").ShouldNotBeNull();
        page.Title.ShouldStartWith("Oude titel (Versie 1)");
    }

    [Fact]
    public async Task Comparing_two_revisions_shows_word_changes_inline_and_side_by_side_and_the_title_change()
    {
        await AddItemAsync(SubjectKinds.Article, "vergelijken-proef", "Public",
            ("Bomen in de wijk", "De gemeente plant eiken langs de straat.\n\nTweede alinea blijft.", ""),
            ("Bomen in de wijk", "De gemeente plant linden langs de straat.\n\nTweede alinea blijft.", ""),
            ("Bomen in de buurt", "De gemeente plant linden langs de straat.\n\nTweede alinea blijft.\n\nEen derde alinea.", ""));
        using var client = factory.CreateClient();

        var inline = Parser.ParseDocument(await client.GetStringAsync("/kennis/vergelijken-proef/vergelijken?van=3&naar=1", Ct));
        inline.QuerySelectorAll(".kh-diff__inline del").Select(d => d.TextContent).ShouldContain(t => t.Contains("eiken"));
        inline.QuerySelectorAll(".kh-diff__inline ins").Select(d => d.TextContent).ShouldContain(t => t.Contains("linden"));
        inline.QuerySelector(".kh-diff__table").ShouldBeNull();
        var title = inline.QuerySelector("dl.metadata dd.kh-diff__text")!;
        title.QuerySelector("del")!.TextContent.ShouldBe("oude titel: Bomen in de wijk");
        title.QuerySelector("ins")!.TextContent.Trim().ShouldBe("nieuwe titel: Bomen in de buurt");
        inline.QuerySelector("#van")!.GetAttribute("value").ShouldBe("1");
        inline.QuerySelector("#naar")!.GetAttribute("value").ShouldBe("3");

        // The switch is a plain link that keeps the numbers, and marks the current view.
        var toSideBySide = inline.QuerySelector("a[href='/kennis/vergelijken-proef/vergelijken?van=1&naar=3&weergave=naast']").ShouldNotBeNull();
        toSideBySide.HasAttribute("aria-current").ShouldBeFalse();
        var sideBySide = Parser.ParseDocument(await client.GetStringAsync(toSideBySide.GetAttribute("href")!, Ct));
        sideBySide.QuerySelector(".kh-diff__table").ShouldNotBeNull();
        sideBySide.QuerySelectorAll(".kh-diff__table thead th").Select(th => th.TextContent).ShouldAllBe(t => t.StartsWith("Versie ", StringComparison.Ordinal));
        sideBySide.QuerySelector(".kh-history__views a[aria-current=page]")!.TextContent.ShouldBe("Naast elkaar");
        sideBySide.QuerySelector("input[name=weergave]")!.GetAttribute("value").ShouldBe("naast");

        var unchangedTitle = Parser.ParseDocument(await client.GetStringAsync("/kennis/vergelijken-proef/vergelijken?van=1&naar=2", Ct));
        unchangedTitle.QuerySelector("dl.metadata")!.TextContent.ShouldContain("(ongewijzigd)");
    }

    [Theory]
    [InlineData("van=abc&naar=2", HttpStatusCode.BadRequest, "Het versienummer 'abc' is ongeldig")]
    [InlineData("van=1&naar=-2", HttpStatusCode.BadRequest, "Het versienummer '-2' is ongeldig")]
    [InlineData("van=0&naar=2", HttpStatusCode.BadRequest, "Het versienummer '0' is ongeldig")]
    [InlineData("van=1&naar=99999999999", HttpStatusCode.BadRequest, "is ongeldig")]
    [InlineData("van=1&naar=%201", HttpStatusCode.BadRequest, "is ongeldig")]
    [InlineData("van=1&naar=9", HttpStatusCode.NotFound, "Versie 9 bestaat niet. Kies een versie van 1 tot en met 2.")]
    [InlineData("van=7&naar=7", HttpStatusCode.NotFound, "Versie 7 bestaat niet.")]
    public async Task Bad_or_unknown_revision_numbers_get_a_Dutch_message_never_a_500(string query, HttpStatusCode expected, string message)
    {
        await AddItemIfMissingAsync("vergelijken-fout");
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/kennis/vergelijken-fout/vergelijken?" + query, Ct);

        response.StatusCode.ShouldBe(expected);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(message);
        page.QuerySelector("form input[name=van]").ShouldNotBeNull("the form stays to try again");
    }

    [Theory]
    [InlineData("", "/kennis/vergelijken-standaard/vergelijken?van=2&naar=3")]
    [InlineData("?naar=2", "/kennis/vergelijken-standaard/vergelijken?van=1&naar=2")]
    [InlineData("?van=1&weergave=naast", "/kennis/vergelijken-standaard/vergelijken?van=1&naar=3&weergave=naast")]
    public async Task Without_both_numbers_the_comparison_goes_to_the_newest_revisions(string query, string location)
    {
        await AddItemIfMissingAsync("vergelijken-standaard", revisions: 3);
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/kennis/vergelijken-standaard/vergelijken" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(location);
    }

    private Task AddItemIfMissingAsync(string slug, int revisions = 2)
        => OnceAsync(slug, () => AddItemAsync(SubjectKinds.Article, slug, "Public", Enumerable.Range(1, revisions).Select(i => ($"Titel {i}", $"Tekst {i}.", "")).ToArray()));
}
