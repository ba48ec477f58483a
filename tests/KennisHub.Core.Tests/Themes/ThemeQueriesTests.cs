using KennisHub.Core.Articles;
using KennisHub.Core.Tests.Content;
using KennisHub.Core.Tests.Infrastructure;
using KennisHub.Core.Themes;

namespace KennisHub.Core.Tests.Themes;

public abstract class ThemeQueriesTests(DatabaseFixture database) : DatabaseTest(database)
{
    private async Task<ThemeQueries> QueriesAsync()
    {
        await KnowledgeFixture.ImportAsync(Db, Ct);
        return new ThemeQueries(Db);
    }

    [Fact]
    public async Task An_atelier_theme_is_listed_and_found_only_for_atelier_members()
    {
        var queries = await QueriesAsync();

        (await queries.ListForFilterAsync(KnowledgeFixture.Visitor, 50, Ct)).Items.Select(t => t.Slug).ShouldNotContain("proef-atelierthema");
        (await queries.ListForFilterAsync(KnowledgeFixture.NetworkMember, 50, Ct)).Items.Select(t => t.Slug).ShouldNotContain("proef-atelierthema");
        (await queries.ListForFilterAsync(KnowledgeFixture.AtelierMember, 50, Ct)).Items.Select(t => t.Slug).ShouldContain("proef-atelierthema");
        (await queries.FindSummaryBySlugAsync(KnowledgeFixture.NetworkMember, "proef-atelierthema", Ct)).ShouldBeNull();
        (await queries.FindSummaryBySlugAsync(KnowledgeFixture.AtelierMember, "proef-atelierthema", Ct))!.Title.ShouldNotBeNullOrEmpty();
        (await queries.ListRecentAsync(KnowledgeFixture.Visitor, 50, Ct)).Select(t => t.Slug).ShouldNotContain("proef-atelierthema");

        (await queries.FindBySlugAsync(KnowledgeFixture.NetworkMember, "proef-atelierthema", Ct)).ShouldBeNull();
        (await queries.FindBySlugAsync(KnowledgeFixture.AtelierMember, "proef-atelierthema", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_theme_lists_only_the_articles_the_reader_may_see_and_its_keywords()
    {
        var queries = await QueriesAsync();
        var articles = new ArticleQueries(Db);
        var theme = new ArticleFilter(ThemeSlug: "proef-openbaar-thema");

        var forVisitor = await queries.FindBySlugAsync(KnowledgeFixture.Visitor, "proef-openbaar-thema", Ct);
        var forAtelier = await queries.FindBySlugAsync(KnowledgeFixture.AtelierMember, "proef-openbaar-thema", Ct);

        forVisitor.ShouldNotBeNull();
        (await articles.ListAsync(KnowledgeFixture.Visitor, theme, 1, 20, Ct)).Items.Select(a => a.Slug).ShouldBe(["proef-openbaar-artikel"]);
        forVisitor.Keywords.Select(k => k.Name).ShouldBe(["Beeldkwaliteit", "wijkgericht werken"], ignoreOrder: true);
        forVisitor.BodyHtml.ShouldContain("<h2 id=\"kop-waarom\">Waarom</h2>");
        forAtelier.ShouldNotBeNull();
        (await articles.ListAsync(KnowledgeFixture.AtelierMember, theme, 1, 20, Ct)).Items.Select(a => a.Slug).ShouldBe(["proef-openbaar-artikel", "proef-netwerkartikel", "proef-atelierartikel"], ignoreOrder: true);
    }
}

public sealed class ThemeQueriesTestsOnSqlite(SqliteFixture database) : ThemeQueriesTests(database), IClassFixture<SqliteFixture>;

public sealed class ThemeQueriesTestsOnSqlServer(SqlServerFixture database) : ThemeQueriesTests(database), IClassFixture<SqlServerFixture>;
