using AngleSharp.Html.Parser;
using KennisHub.Core.Identity;
using KennisHub.Core.Revisions;

namespace KennisHub.Web.Tests.History;

public sealed partial class AroundTheEditorTests
{
    private const string LinkingText = """
        Lees [[proef-openbaar-artikel]] en [[proef-netwerkartikel|het netwerkstuk]].

        Het [atelierstuk](/kennis/proef-atelierartikel) en [[bestaat-helemaal-niet]]; ook [het thema](/themas/proef-atelierthema).
        """;

    [Fact]
    public async Task Internal_links_resolve_per_reader_and_a_hidden_targets_title_never_appears()
    {
        await AddItemIfMissingLinkingAsync();
        using var visitor = factory.CreateClient();
        using var atelier = factory.CreateClientWithRoles(RoleNames.AtelierMember);

        var forVisitor = Parser.ParseDocument(await visitor.GetStringAsync("/kennis/verwijzer-openbaar", Ct));
        var body = forVisitor.QuerySelector("article .utrecht-html")!;
        body.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([("/kennis/proef-openbaar-artikel", "Proefartikel openbaar")]);
        body.QuerySelectorAll(".kh-link-broken").Select(s => s.TextContent).ShouldBe([
            "het netwerkstuk (link werkt niet)", "atelierstuk (link werkt niet)", "bestaat-helemaal-niet (link werkt niet)", "het thema (link werkt niet)",
        ]);
        var html = await visitor.GetStringAsync("/kennis/verwijzer-openbaar", Ct);
        html.ShouldNotContain("Proefartikel voor netwerkleden");
        html.ShouldNotContain("Proefartikel voor het atelier");
        html.ShouldNotContain("proef-atelierartikel");
        html.ShouldNotContain("data-kh-link");

        var forAtelier = Parser.ParseDocument(await atelier.GetStringAsync("/kennis/verwijzer-openbaar", Ct)).QuerySelector("article .utrecht-html")!;
        forAtelier.QuerySelectorAll("a").Select(a => a.TextContent).ShouldBe(["Proefartikel openbaar", "het netwerkstuk", "atelierstuk", "het thema"]);
        forAtelier.QuerySelectorAll(".kh-link-broken").Select(s => s.TextContent).ShouldBe(["bestaat-helemaal-niet (link werkt niet)"]);
    }

    [Fact]
    public async Task Links_here_lists_only_the_linking_items_the_reader_may_see()
    {
        await AddItemIfMissingLinkingAsync();
        using var visitor = factory.CreateClient();
        using var atelier = factory.CreateClientWithRoles(RoleNames.AtelierMember);

        static string[] LinkedFrom(string html) => [.. Parser.ParseDocument(html).QuerySelectorAll(".kh-linked-from li a").Select(a => a.TextContent)];

        LinkedFrom(await visitor.GetStringAsync("/kennis/proef-openbaar-artikel", Ct)).ShouldBe(["Verwijzer openbaar"]);
        LinkedFrom(await atelier.GetStringAsync("/kennis/proef-openbaar-artikel", Ct)).ShouldBe(["Verwijzer atelier", "Verwijzer openbaar"]);
        LinkedFrom(await atelier.GetStringAsync("/themas/proef-atelierthema", Ct)).ShouldBe(["Verwijzer atelier", "Verwijzer openbaar"]);
        var none = Parser.ParseDocument(await visitor.GetStringAsync("/themas/proef-openbaar-thema", Ct)).QuerySelector(".kh-linked-from")!;
        none.QuerySelector("h2")!.TextContent.ShouldBe("Verwijst hierheen");
        none.TextContent.ShouldContain("Nog niets verwijst hierheen.");
        (await visitor.GetStringAsync("/kennis/proef-openbaar-artikel", Ct)).ShouldNotContain("Verwijzer atelier");
    }

    [Fact]
    public async Task An_old_revisions_links_resolve_for_the_reader_too()
    {
        await AddItemAsync(SubjectKinds.Theme, "verwijzer-versies", "Public", ("Oud", "Zie [[proef-netwerkartikel]].", ""), ("Nieuw", "Geen links meer.", ""));
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);

        var forVisitor = Parser.ParseDocument(await visitor.GetStringAsync("/themas/verwijzer-versies/geschiedenis/1", Ct));
        var forMember = Parser.ParseDocument(await member.GetStringAsync("/themas/verwijzer-versies/geschiedenis/1", Ct));

        forVisitor.QuerySelector("article .utrecht-html .kh-link-broken")!.TextContent.ShouldBe("proef-netwerkartikel (link werkt niet)");
        forMember.QuerySelector("article .utrecht-html a")!.TextContent.ShouldBe("Proefartikel voor netwerkleden");
    }

    private Task AddItemIfMissingLinkingAsync() => OnceAsync("verwijzer-openbaar", async () =>
    {
        await AddItemAsync(SubjectKinds.Article, "verwijzer-openbaar", "Public", ("Verwijzer openbaar", LinkingText, ""));
        await AddItemAsync(SubjectKinds.Article, "verwijzer-atelier", "Atelier", ("Verwijzer atelier", LinkingText, ""));
    });
}
