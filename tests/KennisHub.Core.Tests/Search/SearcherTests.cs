using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Identity;
using KennisHub.Core.Markdown;
using KennisHub.Core.Reading;
using KennisHub.Core.Search;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Search;

/// <summary>
/// The search over a small corpus written to content files and imported, so the index is the importer's (in its
/// transactions). One database per class: the tests add articles and read what the search finds.
/// </summary>
public abstract class SearcherTests(DatabaseFixture database) : DatabaseTest(database), IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", "search-" + Guid.NewGuid().ToString("N"));

    private static readonly Reader NetworkMember = new(Guid.NewGuid(), new HashSet<string> { RoleNames.NetworkMember });

    private static readonly Reader AtelierMember = new(Guid.NewGuid(), new HashSet<string> { RoleNames.AtelierMember, RoleNames.NetworkMember });

    private Searcher Searcher => new(Db);

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private async Task ImportAsync(params (string Slug, string Title, string Summary, string Body, string Visibility)[] articles)
    {
        var kennis = Path.Combine(folder, "kennis");
        Directory.CreateDirectory(kennis);
        foreach (var article in articles)
        {
            await File.WriteAllTextAsync(Path.Combine(kennis, article.Slug + ".md"), $"""
                ---
                slug: {article.Slug}
                title: "{article.Title}"
                summary: "{article.Summary}"
                visibility: {article.Visibility}
                ---
                {article.Body}
                """, Ct);
        }

        var summary = await new ContentImporter(Db, new MarkdownRenderer()).ImportAsync(folder, null, Ct);
        summary.Errors.ShouldBeEmpty();
    }

    private async Task<IReadOnlyList<SearchHit>> FindAsync(string query, Reader? reader = null, int page = 1)
        => (await Searcher.SearchAsync(reader ?? Reader.Visitor, SearchQuery.Parse(query), page, Ct)).Hits;

    [Fact]
    public async Task A_title_match_outranks_a_body_match()
    {
        await ImportAsync(
            ("zoek-rank-tekst", "Over het onderhoud", "Een samenvatting.", "Hier staat ergens het woord lantaarnpalen in de tekst, een keer.", "Public"),
            ("zoek-rank-titel", "Lantaarnpalen vervangen", "Een samenvatting.", "De tekst gaat over iets anders.", "Public"));

        var hits = await FindAsync("lantaarnpaal");

        hits.Select(h => h.Url).ShouldBe(["/kennis/zoek-rank-titel", "/kennis/zoek-rank-tekst"]);
    }

    [Theory]
    [InlineData("coordinatie", "zoek-nl-coordinatie")]
    [InlineData("Coördinatie", "zoek-nl-coordinatie")]
    [InlineData("bomen", "zoek-nl-boom")]
    [InlineData("gemeenten", "zoek-nl-gemeente")]
    [InlineData("wijken", "zoek-nl-wijk")]
    [InlineData("speelplaatsen", "zoek-nl-speelplaats")]
    public async Task Dutch_words_find_their_inflections_and_unaccented_forms(string query, string slug)
    {
        await ImportAsync(
            ("zoek-nl-coordinatie", "Wijkcoördinatie", "x", "De coördinatie van het werk in Zwolle.", "Public"),
            ("zoek-nl-boom", "Eén boom", "x", "Een boom in het park van Deventer.", "Public"),
            ("zoek-nl-gemeente", "De gemeente", "x", "Elke gemeente in Overijssel.", "Public"),
            ("zoek-nl-wijk", "Onze wijk", "x", "De wijk in Hengelo.", "Public"),
            ("zoek-nl-speelplaats", "Een speelplaats", "x", "De speelplaats in Almelo.", "Public"));

        (await FindAsync(query)).Select(h => h.Url).ShouldContain("/kennis/" + slug);
    }

    [Fact]
    public async Task A_hidden_article_is_found_only_by_those_who_may_read_it_and_leaks_nowhere()
    {
        await ImportAsync(
            ("zoek-zicht-atelier", "Geheim plan voor kademuren", "Alleen voor het atelier.", "Het kademurenplan van het atelier.", "Atelier"),
            ("zoek-zicht-netwerk", "Netwerkplan kademuren", "Alleen voor leden.", "Het kademurenplan van het netwerk.", "Network"));

        (await FindAsync("kademuren")).ShouldBeEmpty();
        (await FindAsync("kademuren", NetworkMember)).Select(h => h.Url).ShouldBe(["/kennis/zoek-zicht-netwerk"]);
        (await FindAsync("kademuren", AtelierMember)).Select(h => h.Url).Order().ShouldBe(["/kennis/zoek-zicht-atelier", "/kennis/zoek-zicht-netwerk"]);
        (await FindAsync("geheim", NetworkMember)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Phrases_exclusions_and_prefixes_narrow_the_results()
    {
        await ImportAsync(
            ("zoek-syn-een", "Beheer van groen", "x", "Het onderhoud van de openbare ruimte en de riolering.", "Public"),
            ("zoek-syn-twee", "Groen in de wijk", "x", "Ruimte voor openbare speeltuinen.", "Public"));

        // The class shares one database: other tests' articles may match too, so each check names both of these.
        var phrase = (await FindAsync("\"openbare ruimte\"")).Select(h => h.Url).ToList();
        phrase.ShouldContain("/kennis/zoek-syn-een");
        phrase.ShouldNotContain("/kennis/zoek-syn-twee");
        var excluding = (await FindAsync("openbare -riolering")).Select(h => h.Url).ToList();
        excluding.ShouldContain("/kennis/zoek-syn-twee");
        excluding.ShouldNotContain("/kennis/zoek-syn-een");
        (await FindAsync("speeltui")).Select(h => h.Url).ShouldNotContain("/kennis/zoek-syn-een");
        (await FindAsync("Groen in de wi")).Select(h => h.Url).ShouldContain("/kennis/zoek-syn-twee");
    }

    [Fact]
    public async Task The_snippet_marks_the_matched_words_in_escaped_text()
    {
        await ImportAsync(("zoek-snip", "Snippet", "x", "Voor de tekst. <b>vet</b> en dan de <script>alert(1)</script> vijverbeheer volgt hier.", "Public"));

        var hit = (await FindAsync("vijverbeheer <script>")).Single();

        hit.SnippetHtml.ShouldContain("<mark>vijverbeheer</mark>");
        hit.SnippetHtml.ShouldNotContain("<script>");
        hit.SnippetHtml.ShouldNotContain("<b>");
    }

    [Fact]
    public async Task Results_are_paged_take_plus_one()
    {
        await ImportAsync(Enumerable.Range(1, 25).Select(i => ($"zoek-page-{i:00}", $"Fietsenstalling {i}", "x", "Over fietsenstallingen.", "Public")).ToArray());

        var first = await Searcher.SearchAsync(Reader.Visitor, SearchQuery.Parse("fietsenstalling"), 1, Ct);
        var second = await Searcher.SearchAsync(Reader.Visitor, SearchQuery.Parse("fietsenstalling"), 2, Ct);

        first.Hits.Count.ShouldBe(Searcher.PageSize);
        first.HasNextPage.ShouldBeTrue();
        second.Hits.Count.ShouldBe(5);
        second.HasNextPage.ShouldBeFalse();
        first.Hits.Concat(second.Hits).Select(h => h.Url).Distinct().Count().ShouldBe(25);
    }

    [Fact]
    public async Task The_index_follows_an_update_and_a_removal()
    {
        await ImportAsync(("zoek-stap", "Kolken reinigen", "x", "Over kolken.", "Public"));
        (await FindAsync("kolken")).ShouldNotBeEmpty();

        await ImportAsync(("zoek-stap", "Goten vegen", "x", "Over goten.", "Public"));
        (await FindAsync("kolken")).ShouldBeEmpty();
        (await FindAsync("goten")).Select(h => h.Title).ShouldBe(["Goten vegen"]);

        await ImportAsync(("zoek-stap", "Goten vegen", "x", "Over goten.", "Atelier"));
        (await FindAsync("goten")).ShouldBeEmpty();

        await using var connection = await Db.OpenAsync(Ct);
        var id = await connection.ExecuteScalarAsync<Guid>("SELECT Id FROM Articles WHERE Slug = 'zoek-stap'");
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await SearchIndex.RemoveAsync(connection, transaction, SearchKinds.Article.Name, id, Ct);
            await transaction.CommitAsync(Ct);
        }

        (await FindAsync("goten", AtelierMember)).ShouldBeEmpty();
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM SearchDocuments WHERE SubjectId = @Id", new { Id = id })).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(SearchQueryTests.BadInput), MemberType = typeof(SearchQueryTests))]
    public async Task Bad_input_gives_results_or_nothing_but_never_an_error(string input)
    {
        await ImportAsync(("zoek-slecht", "Openbare ruimte", "x", "Beheer van de openbare ruimte.", "Public"));

        var results = await Searcher.SearchAsync(Reader.Visitor, SearchQuery.Parse(input), 1, Ct);

        results.Hits.Count.ShouldBeLessThanOrEqualTo(Searcher.PageSize);
    }

    [Fact]
    public async Task Reindex_rebuilds_the_same_results()
    {
        await ImportAsync(("zoek-reindex", "Bermbeheer", "x", "Ecologisch bermbeheer langs wegen.", "Public"));

        await SearchIndex.RebuildAsync(Db, null, Ct);

        (await FindAsync("bermbeheer")).Select(h => h.Url).ShouldContain("/kennis/zoek-reindex");
    }
}

public sealed class SearcherTestsOnSqlite(SqliteFixture database) : SearcherTests(database), IClassFixture<SqliteFixture>;

public sealed class SearcherTestsOnSqlServer(SqlServerFixture database) : SearcherTests(database), IClassFixture<SqlServerFixture>;
