using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Content;

public abstract class ContentImporterTests(DatabaseFixture database) : DatabaseTest(database), IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", "content-" + Guid.NewGuid().ToString("N"));

    private ContentImporter Importer => new(Db, new MarkdownRenderer());

    [Fact]
    public async Task Importing_the_fixture_twice_changes_nothing_the_second_time()
    {
        await Importer.ImportAsync(TestPaths.ContentFixture, null, Ct);
        var before = await CountsAsync();

        var second = await Importer.ImportAsync(TestPaths.ContentFixture, null, Ct);

        second.Errors.ShouldBeEmpty();
        second.New.ShouldBe(0);
        second.Changed.ShouldBe(0);
        second.Unchanged.ShouldBe(3 + 2 + 2 + 3);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_fixture_imports_municipalities_organisations_themes_and_articles_with_their_links()
    {
        await Importer.ImportAsync(TestPaths.ContentFixture, null, Ct);

        await using var connection = await Db.OpenAsync(Ct);
        var hague = await connection.QuerySingleAsync<(string Name, string CbsCode, string Province, int Inhabitants)>(
            "SELECT Name, CbsCode, Province, Inhabitants FROM Organisations WHERE Slug = 'gemeente-s-gravenhage'");
        hague.ShouldBe(("'s-Gravenhage", "GM0518", "Zuid-Holland", 566221));
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Organisations WHERE Slug = 'gemeente-nuenen-gerwen-en-nederwetten'")).ShouldBe(1);

        var kampen = await connection.QuerySingleAsync<(string Website, string DescriptionHtml)>(
            "SELECT Website, DescriptionHtml FROM Organisations WHERE Slug = 'gemeente-kampen'");
        kampen.Website.ShouldBe("https://www.kampen.nl");
        kampen.DescriptionHtml.ShouldContain("wijkgericht");

        var article = await connection.QuerySingleAsync<(string BodyHtml, string BodyText, string AuthorName, int CurrentRevision)>(
            "SELECT b.BodyHtml, b.BodyText, a.AuthorName, a.CurrentRevision FROM Articles a INNER JOIN ArticleBodies b ON b.ArticleId = a.Id WHERE a.Slug = 'proef-openbaar-artikel'");
        article.BodyHtml.ShouldContain("<h2 id=\"kop-inleiding\">Inleiding</h2>");
        article.BodyHtml.ShouldNotContain("slug:");
        article.BodyText.ShouldContain("CROW-systematiek");
        article.AuthorName.ShouldBe("Redactie KennisHub");
        article.CurrentRevision.ShouldBe(1);

        (await connection.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM ArticleThemes art INNER JOIN Articles a ON a.Id = art.ArticleId WHERE a.Slug = 'proef-atelierartikel'
            """)).ShouldBe(2);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Keywords WHERE Slug IN ('beeldkwaliteit', 'wijkgericht-werken', 'beheerplan')")).ShouldBe(3);
        (await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE ActorName = 'Import' AND ActorId IS NULL AND Action = 'article.created' AND SubjectKind = 'Article'"))
            .ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task A_changed_text_gets_revision_two_and_the_row_a_new_version()
    {
        var slug = "proef-" + Guid.NewGuid().ToString("N")[..8];
        WriteArticle(slug, "Eerste tekst.");
        (await Importer.ImportAsync(folder, null, Ct)).New.ShouldBe(1);

        WriteArticle(slug, "Tweede, verbeterde tekst.");
        var second = await Importer.ImportAsync(folder, null, Ct);

        second.Changed.ShouldBe(1);
        await using var connection = await Db.OpenAsync(Ct);
        var row = await connection.QuerySingleAsync<(Guid Id, int CurrentRevision, int Version, string BodyMarkdown)>(
            "SELECT a.Id, a.CurrentRevision, a.Version, b.BodyMarkdown FROM Articles a INNER JOIN ArticleBodies b ON b.ArticleId = a.Id WHERE a.Slug = @slug", new { slug });
        row.CurrentRevision.ShouldBe(2);
        row.Version.ShouldBe(2);
        row.BodyMarkdown.ShouldBe("Tweede, verbeterde tekst.\n");

        var revisions = await new RevisionStore(Db).ListAsync(SubjectKinds.Article, row.Id, Ct);
        revisions.Select(r => r.Markdown).ShouldBe(["Tweede, verbeterde tekst.\n", "Eerste tekst.\n"]);
        (await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'article.updated' AND NewValue = 'versie 2'", new { row.Id })).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_of_keywords_only_updates_the_row_without_a_new_revision()
    {
        var slug = "proef-" + Guid.NewGuid().ToString("N")[..8];
        WriteArticle(slug, "Tekst.", "[groen]");
        await Importer.ImportAsync(folder, null, Ct);

        WriteArticle(slug, "Tekst.", "[groen, grijs]");
        (await Importer.ImportAsync(folder, null, Ct)).Changed.ShouldBe(1);

        await using var connection = await Db.OpenAsync(Ct);
        var row = await connection.QuerySingleAsync<(int CurrentRevision, int Version)>(
            "SELECT CurrentRevision, Version FROM Articles WHERE Slug = @slug", new { slug });
        row.ShouldBe((1, 2));
    }

    [Fact]
    public async Task Html_stored_by_an_older_renderer_is_rendered_again_on_the_next_import_without_a_new_revision()
    {
        var slug = "proef-" + Guid.NewGuid().ToString("N")[..8];
        WriteArticle(slug, "## Inhoud\n\nTekst.");
        await Importer.ImportAsync(folder, null, Ct);
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "UPDATE ArticleBodies SET BodyHtml = '<h2 id=\"inhoud\">Inhoud</h2>\n<p>Tekst.</p>\n' WHERE ArticleId = (SELECT Id FROM Articles WHERE Slug = @slug)", new { slug });

        (await Importer.ImportAsync(folder, null, Ct)).Changed.ShouldBe(1);

        var row = await connection.QuerySingleAsync<(string BodyHtml, int CurrentRevision)>(
            "SELECT b.BodyHtml, a.CurrentRevision FROM Articles a INNER JOIN ArticleBodies b ON b.ArticleId = a.Id WHERE a.Slug = @slug", new { slug });
        row.BodyHtml.ShouldContain("<h2 id=\"kop-inhoud\">Inhoud</h2>");
        row.CurrentRevision.ShouldBe(1);
    }

    [Theory]
    [InlineData("slug: {0}\ntitle: T\nvisibility: Geheim", "onbekende zichtbaarheid 'Geheim'")]
    [InlineData("slug: {0}\nsummary: geen titel", "'title' ontbreekt")]
    [InlineData("slug: Hoofd Letters\ntitle: T", "slug 'Hoofd Letters' is ongeldig")]
    [InlineData("slug: {0}\ntitle: T\norganisation: bestaat-niet", "organisatie 'bestaat-niet' bestaat niet")]
    [InlineData("slug: {0}\ntitle: T\nthemes: [bestaat-niet]", "thema 'bestaat-niet' bestaat niet")]
    [InlineData("slug: {0}\ntitle: T\nkeyword: [tikfout]", "onbekend veld")]
    [InlineData("slug: {0}\ntitle: [niet gesloten", "geen geldige YAML")]
    public async Task A_broken_file_is_reported_by_name_and_the_others_still_import(string frontMatter, string expected)
    {
        var good = "proef-" + Guid.NewGuid().ToString("N")[..8];
        WriteArticle(good, "Goed.");
        Write("kennis/kapot.md", "---\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, frontMatter, "proef-" + Guid.NewGuid().ToString("N")[..8]) + "\n---\nTekst.\n");

        var summary = await Importer.ImportAsync(folder, null, Ct);

        summary.New.ShouldBe(1);
        var error = summary.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe("kennis/kapot.md");
        error.Message.ShouldStartWith("kennis/kapot.md: ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task Unknown_organisation_kind_and_a_file_without_front_matter_are_errors()
    {
        Write("organisaties/raar.md", "---\nslug: proef-raar\nname: Raar\nkind: Vereniging\n---\n");
        Write("themas/kaal.md", "Geen front matter.\n");

        var summary = await Importer.ImportAsync(folder, null, Ct);

        summary.Errors.Select(e => e.Source).ShouldBe(["organisaties/raar.md", "themas/kaal.md"]);
        summary.Errors[0].Message.ShouldContain("onbekende soort organisatie 'Vereniging'");
        summary.Errors[1].Message.ShouldContain("geen front matter");
    }

    [Fact]
    public async Task Progress_is_reported_for_every_item()
    {
        var reported = new List<ImportProgress>();
        var summary = await Importer.ImportAsync(TestPaths.ContentFixture, new SynchronousProgress(reported.Add), Ct);

        reported.Count(p => p.Outcome != ImportOutcome.Enriched).ShouldBe(summary.New + summary.Changed + summary.Unchanged + summary.Errors.Count);
        reported.ShouldContain(p => p.Source == "kennis/proef-openbaar-artikel.md");
    }

    private void WriteArticle(string slug, string body, string keywords = "[]")
        => Write($"kennis/{slug}.md", $"---\nslug: {slug}\ntitle: Proef {slug}\nsummary: Kort.\nvisibility: Public\nkeywords: {keywords}\n---\n{body}\n");

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<(int, int, int, int, int, int)> CountsAsync()
    {
        await using var connection = await Db.OpenAsync(Ct);
        return (
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Organisations"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Themes"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Articles"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Revisions"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog"),
            await connection.ExecuteScalarAsync<int>("SELECT SUM(Version) FROM Articles"));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

}

public sealed class ContentImporterTestsOnSqlite(SqliteFixture database) : ContentImporterTests(database), IClassFixture<SqliteFixture>;

public sealed class ContentImporterTestsOnSqlServer(SqlServerFixture database) : ContentImporterTests(database), IClassFixture<SqlServerFixture>;

/// <summary>The real content/ folder imports without a single error, so a content mistake fails CI.</summary>
public abstract class RealContentImportTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task The_real_content_folder_imports_without_errors_and_twice_without_changes()
    {
        var importer = new ContentImporter(Db, new MarkdownRenderer());

        var first = await importer.ImportAsync(TestPaths.RealContent, null, Ct);
        var second = await importer.ImportAsync(TestPaths.RealContent, null, Ct);

        first.Errors.Select(e => e.Message).ShouldBeEmpty();
        first.New.ShouldBeGreaterThanOrEqualTo(342);
        first.Changed.ShouldBe(0);
        first.Unchanged.ShouldBe(0);
        second.New.ShouldBe(0);
        second.Changed.ShouldBe(0);
    }
}

public sealed class RealContentImportTestsOnSqlite(SqliteFixture database) : RealContentImportTests(database), IClassFixture<SqliteFixture>;

public sealed class RealContentImportTestsOnSqlServer(SqlServerFixture database) : RealContentImportTests(database), IClassFixture<SqlServerFixture>;

public sealed class SlugTests
{
    [Theory]
    [InlineData("'s-Gravenhage", "s-gravenhage")]
    [InlineData("'s-Hertogenbosch", "s-hertogenbosch")]
    [InlineData("Súdwest-Fryslân", "sudwest-fryslan")]
    [InlineData("Beek (L.)", "beek-l")]
    [InlineData("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten")]
    [InlineData("  Wijkgericht   werken ", "wijkgericht-werken")]
    public void Names_become_lower_case_hyphenated_slugs_without_diacritics(string name, string slug)
        => Slugs.Slugify(name).ShouldBe(slug);

    [Theory]
    [InlineData("wijkgericht-beheer", true)]
    [InlineData("gemeente-s-gravenhage", true)]
    [InlineData("Hoofdletter", false)]
    [InlineData("dubbel--koppelteken", false)]
    [InlineData("-begin", false)]
    [InlineData("met spatie", false)]
    [InlineData("", false)]
    public void Only_lower_case_letters_digits_and_single_hyphens_are_valid(string slug, bool valid)
        => Slugs.IsValid(slug).ShouldBe(valid);
}

/// <summary>
/// A first import needs a database nobody imported into: its own class, so its own fixture (the other import tests
/// share theirs and run in no fixed order).
/// </summary>
public abstract class FirstImportTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task A_first_import_reports_only_new_items_even_where_an_organisation_file_adds_to_a_new_municipality()
    {
        var reported = new List<ImportProgress>();

        var first = await new ContentImporter(Db, new MarkdownRenderer()).ImportAsync(TestPaths.ContentFixture, new SynchronousProgress(reported.Add), Ct);

        first.Errors.ShouldBeEmpty();
        first.New.ShouldBe(3 + 1 + 2 + 3); // gemeente-kampen.md adds to a row of gemeenten.csv: no second item
        first.Changed.ShouldBe(0);
        first.Unchanged.ShouldBe(0);
        reported.ShouldContain(p => p.Source == "organisaties/gemeente-kampen.md" && p.Outcome == ImportOutcome.Enriched);
    }
}

public sealed class FirstImportTestsOnSqlite(SqliteFixture database) : FirstImportTests(database), IClassFixture<SqliteFixture>;

public sealed class FirstImportTestsOnSqlServer(SqlServerFixture database) : FirstImportTests(database), IClassFixture<SqlServerFixture>;

/// <summary>Reports progress at once, on the importer's thread (Progress&lt;T&gt; would post it later).</summary>
internal sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
