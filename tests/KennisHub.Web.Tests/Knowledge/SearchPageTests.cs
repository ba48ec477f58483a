using System.Net;
using AngleSharp.Html.Parser;
using KennisHub.Core.Identity;

namespace KennisHub.Web.Tests.Knowledge;

/// <summary>/zoeken on the knowledge fixture (imported at start, so indexed by the importer), per role.</summary>
public sealed class SearchPageTests(KnowledgeFactory factory) : IClassFixture<KnowledgeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<string>> ResultTitlesAsync(HttpClient client, string query)
    {
        var html = await client.GetStringAsync("/zoeken?q=" + Uri.EscapeDataString(query), Ct);
        var page = new HtmlParser().ParseDocument(html);
        return page.QuerySelectorAll(".kh-result__title a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Each_role_finds_exactly_the_articles_it_may_read()
    {
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);
        using var atelier = factory.CreateClientWithRoles(RoleNames.NetworkMember, RoleNames.AtelierMember);

        var forVisitor = await ResultTitlesAsync(visitor, "proefartikel");
        var forMember = await ResultTitlesAsync(member, "proefartikel");
        var forAtelier = await ResultTitlesAsync(atelier, "proefartikel");

        forVisitor.ShouldContain("Proefartikel openbaar");
        forVisitor.ShouldNotContain("Proefartikel voor netwerkleden");
        forVisitor.ShouldNotContain("Proefartikel voor het atelier");
        forMember.ShouldContain("Proefartikel voor netwerkleden");
        forMember.ShouldNotContain("Proefartikel voor het atelier");
        forAtelier.ShouldContain("Proefartikel voor het atelier");
    }

    [Fact]
    public async Task Words_only_a_hidden_article_has_find_nothing_and_show_nothing_of_it()
    {
        using var visitor = factory.CreateClient();

        var html = await visitor.GetStringAsync("/zoeken?q=werkdocument", Ct);

        html.ShouldContain("Niets gevonden");
        html.ShouldNotContain("Proefartikel voor het atelier");
        html.ShouldNotContain("<mark>");
    }

    [Fact]
    public async Task A_result_links_to_the_item_and_marks_the_words_in_its_snippet()
    {
        using var visitor = factory.CreateClient();
        var page = new HtmlParser().ParseDocument(await visitor.GetStringAsync("/zoeken?q=CROW-systematiek", Ct));

        var result = page.QuerySelectorAll(".kh-result").First(r => r.QuerySelector("a")!.GetAttribute("href") == "/kennis/proef-openbaar-artikel");
        result.QuerySelectorAll(".kh-result__snippet mark").ShouldNotBeEmpty();
        result.QuerySelector(".kh-result__kind")!.TextContent.ShouldBe("Kennisartikel");
    }

    [Theory]
    [InlineData("")]
    [InlineData("de het")]
    [InlineData("-alleen")]
    [InlineData("\"onaf")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("NEAR(a b) * ^ : { }")]
    public async Task Odd_queries_answer_200_with_a_Dutch_sentence_or_results(string query)
    {
        using var visitor = factory.CreateClient();
        var response = await visitor.GetAsync("/zoeken?q=" + Uri.EscapeDataString(query), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"nl\"");
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_shortened_with_a_message()
    {
        using var visitor = factory.CreateClient();
        var html = await visitor.GetStringAsync("/zoeken?q=" + new string('b', 10_000), Ct);

        html.ShouldContain("is ingekort");
    }

    [Fact]
    public async Task Every_page_has_the_header_search_form_with_a_label()
    {
        using var visitor = factory.CreateClient();
        var page = new HtmlParser().ParseDocument(await visitor.GetStringAsync("/kennis", Ct));

        var form = page.QuerySelector("header form[role=search]")!;
        form.GetAttribute("action").ShouldBe("/zoeken");
        form.GetAttribute("method").ShouldBe("get");
        var input = form.QuerySelector("input[name=q]")!;
        page.QuerySelector($"label[for={input.Id}]")!.TextContent.ShouldBe("Zoeken op KennisHub");
    }
}
