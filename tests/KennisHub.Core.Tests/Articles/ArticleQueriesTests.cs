using KennisHub.Core.Articles;
using KennisHub.Core.Reading;
using KennisHub.Core.Tests.Content;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Articles;

public abstract class ArticleQueriesTests(DatabaseFixture database) : DatabaseTest(database)
{
    private async Task<ArticleQueries> QueriesAsync()
    {
        await KnowledgeFixture.ImportAsync(Db, Ct);
        return new ArticleQueries(Db);
    }

    public static TheoryData<string, string[]> VisibleSlugs => new()
    {
        { "visitor", ["proef-openbaar-artikel"] },
        { "network", ["proef-openbaar-artikel", "proef-netwerkartikel"] },
        { "atelier", ["proef-openbaar-artikel", "proef-netwerkartikel", "proef-atelierartikel"] },
    };

    private static Reader ReaderFor(string who) => who switch
    {
        "visitor" => KnowledgeFixture.Visitor,
        "network" => KnowledgeFixture.NetworkMember,
        _ => KnowledgeFixture.AtelierMember,
    };

    [Theory]
    [MemberData(nameof(VisibleSlugs))]
    public async Task Each_reader_lists_exactly_the_articles_they_may_see(string who, string[] expected)
    {
        var queries = await QueriesAsync();

        var page = await queries.ListAsync(ReaderFor(who), new ArticleFilter(), 1, 100, Ct);

        page.Items.Select(a => a.Slug).Where(s => s.StartsWith("proef-", StringComparison.Ordinal)).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task An_article_the_reader_may_not_see_is_not_found()
    {
        var queries = await QueriesAsync();

        (await queries.FindBySlugAsync(KnowledgeFixture.Visitor, "proef-netwerkartikel", Ct)).ShouldBeNull();
        (await queries.FindBySlugAsync(KnowledgeFixture.NetworkMember, "proef-atelierartikel", Ct)).ShouldBeNull();
        (await queries.FindBySlugAsync(KnowledgeFixture.NetworkMember, "proef-netwerkartikel", Ct)).ShouldNotBeNull();
        (await queries.FindBySlugAsync(KnowledgeFixture.AtelierMember, "proef-atelierartikel", Ct)).ShouldNotBeNull();
        (await queries.FindBySlugAsync(KnowledgeFixture.AtelierMember, "bestaat-niet", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task An_article_comes_with_its_organisation_themes_keywords_and_revision()
    {
        var queries = await QueriesAsync();

        var article = await queries.FindBySlugAsync(KnowledgeFixture.Visitor, "proef-openbaar-artikel", Ct);

        article.ShouldNotBeNull();
        article.Title.ShouldBe("Proefartikel openbaar");
        article.OrganisationSlug.ShouldBe("proef-netwerk");
        article.OrganisationName.ShouldBe("Proefnetwerk Beheer");
        article.AuthorName.ShouldBe("Redactie KennisHub");
        article.Visibility.ShouldBe(Visibility.Public);
        article.CurrentRevision.ShouldBe(1);
        article.Themes.ShouldBe([new ArticleTheme("proef-openbaar-thema", "Proefthema openbaar")]);
        article.Keywords.Select(k => k.Slug).ShouldBe(["beeldkwaliteit", "beheerplan"], ignoreOrder: true);
        article.BodyHtml.ShouldContain("<strong>CROW-systematiek</strong>");
    }

    [Fact]
    public async Task Themes_the_reader_may_not_see_are_left_off_an_article()
    {
        var queries = await QueriesAsync();

        var article = await queries.FindBySlugAsync(KnowledgeFixture.AtelierMember, "proef-atelierartikel", Ct);

        article.ShouldNotBeNull();
        article.Themes.Select(t => t.Slug).ShouldBe(["proef-atelierthema", "proef-openbaar-thema"], ignoreOrder: true);
    }

    [Fact]
    public async Task Filters_by_theme_and_keyword_keep_to_what_the_reader_may_see()
    {
        var queries = await QueriesAsync();

        var byTheme = await queries.ListAsync(KnowledgeFixture.NetworkMember, new ArticleFilter(ThemeSlug: "proef-openbaar-thema"), 1, 20, Ct);
        byTheme.Items.Select(a => a.Slug).ShouldBe(["proef-openbaar-artikel", "proef-netwerkartikel"], ignoreOrder: true);

        var byKeyword = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(KeywordSlug: "wijkgericht-werken"), 1, 20, Ct);
        byKeyword.Items.Select(a => a.Slug).ShouldBe(["proef-netwerkartikel"]);

        // A hidden theme's slug filters nothing in for a visitor.
        var hiddenTheme = await queries.ListAsync(KnowledgeFixture.Visitor, new ArticleFilter(ThemeSlug: "proef-atelierthema"), 1, 20, Ct);
        hiddenTheme.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Paging_splits_the_list_and_knows_a_next_page_from_one_extra_row()
    {
        var queries = await QueriesAsync();
        var all = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(), 1, 1000, Ct);
        var lastPage = (all.Items.Count + 1) / 2;

        var first = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(), 1, 2, Ct);
        var second = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(), 2, 2, Ct);
        var last = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(), lastPage, 2, Ct);
        var pastTheEnd = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(), lastPage + 1, 2, Ct);
        var farPastTheEnd = await queries.ListAsync(KnowledgeFixture.AtelierMember, new ArticleFilter(), int.MaxValue, 20, Ct);

        all.HasNext.ShouldBeFalse();
        first.Items.Count.ShouldBe(2);
        first.HasNext.ShouldBeTrue();
        first.HasPrevious.ShouldBeFalse();
        second.Items.Select(a => a.Slug).ShouldBe(all.Items.Skip(2).Take(2).Select(a => a.Slug));
        last.HasNext.ShouldBeFalse();
        last.Items.ShouldNotBeEmpty();
        pastTheEnd.IsPastEnd.ShouldBeTrue();
        farPastTheEnd.IsPastEnd.ShouldBeTrue(); // no OFFSET overflow on either database
        farPastTheEnd.Page.ShouldBe(int.MaxValue);
        (await queries.ListRecentAsync(KnowledgeFixture.Visitor, 5, Ct)).ShouldAllBe(a => a.Visibility == Visibility.Public);
    }
}

public sealed class ArticleQueriesTestsOnSqlite(SqliteFixture database) : ArticleQueriesTests(database), IClassFixture<SqliteFixture>;

public sealed class ArticleQueriesTestsOnSqlServer(SqlServerFixture database) : ArticleQueriesTests(database), IClassFixture<SqlServerFixture>;
