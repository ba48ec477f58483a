using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Core.Tests.Infrastructure;
using KennisHub.Core.Themes;

namespace KennisHub.Core.Tests.Writing;

public abstract class ArticleWritesTests(DatabaseFixture database) : DatabaseTest(database)
{
    private ArticleWrites Articles => new(Db, new MarkdownRenderer());

    private ThemeWrites Themes => new(Db, new MarkdownRenderer());

    [Fact]
    public async Task Creating_an_article_stores_it_with_revision_one_the_creator_as_active_coauthor_and_one_audit_line()
    {
        var writer = await WriterAsync("Anna de Vries");
        var id = Guid.NewGuid();
        var slug = Slug();

        var result = await Articles.CreateAsync(new CreateArticle(id, Fields(slug, "Eerste alinea.") with { Keywords = ["Groen", "groen ", "Beheerplan"] }, writer, "Eerste versie"), Ct);

        result.ShouldBe(new Saved(id, slug, 1));
        await using var connection = await Db.OpenAsync(Ct);
        (await connection.QuerySingleAsync<(string AuthorName, int CurrentRevision)>("SELECT AuthorName, CurrentRevision FROM Articles WHERE Id = @id", new { id }))
            .ShouldBe(("Anna de Vries", 1));
        (await connection.ExecuteScalarAsync<string>("SELECT Status FROM Coauthors WHERE SubjectKind = 'Article' AND SubjectId = @id AND UserId = @UserId", new { id, writer.UserId }))
            .ShouldBe("Active");
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ArticleKeywords WHERE ArticleId = @id", new { id })).ShouldBe(2);
        (await connection.ExecuteScalarAsync<string>("SELECT ChangeSummary FROM Revisions WHERE SubjectId = @id AND Number = 1", new { id })).ShouldBe("Eerste versie");
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @id AND Action = 'article.created' AND ActorId = @UserId", new { id, writer.UserId }))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_fields_are_refused_by_name_and_nothing_is_saved()
    {
        var writer = await WriterAsync("Bram");
        var id = Guid.NewGuid();

        var result = await Articles.CreateAsync(new CreateArticle(id, Fields("Niet Goed!", " ") with
        {
            Title = " ", Visibility = "Geheim", Keywords = ["!!!"], OrganisationId = Guid.NewGuid(), ThemeIds = [Guid.NewGuid()],
        }, writer, new string('x', 501)), Ct);

        var invalid = result.ShouldBeOfType<Invalid>();
        invalid.Errors.Select(e => (e.Field, e.Error)).ShouldBe(
        [
            ("Title", WriteError.Required), ("Slug", WriteError.InvalidSlug), ("Body", WriteError.Required), ("Visibility", WriteError.UnknownVisibility),
            ("Keywords", WriteError.InvalidKeyword), ("ChangeSummary", WriteError.TooLong),
        ]);
        var references = (await Articles.CreateAsync(new CreateArticle(id, Fields(Slug(), "Tekst.") with { OrganisationId = Guid.NewGuid(), ThemeIds = [Guid.NewGuid()] }, writer), Ct))
            .ShouldBeOfType<Invalid>();
        references.Errors.Select(e => e.Error).ShouldBe([WriteError.UnknownOrganisation, WriteError.UnknownTheme]);
        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Articles WHERE Id = @id", new { id })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @id", new { id })).ShouldBe(0);
    }

    [Fact]
    public async Task A_slug_in_use_or_once_used_by_another_article_is_refused_and_a_renamed_article_keeps_its_old_slug_as_redirect()
    {
        var writer = await WriterAsync("Carla");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var (oldSlug, newSlug) = (Slug(), Slug());
        await Articles.CreateAsync(new CreateArticle(first, Fields(oldSlug, "Tekst."), writer), Ct);
        (await Articles.CreateAsync(new CreateArticle(second, Fields(oldSlug, "Ander."), writer), Ct)).ShouldBeOfType<Invalid>()
            .Errors.ShouldBe([new FieldError("Slug", WriteError.SlugTaken)]);

        (await Articles.UpdateAsync(new UpdateArticle(first, 1, Fields(newSlug, "Tekst."), writer), Ct)).ShouldBe(new Saved(first, newSlug, 1));

        (await SlugRedirects.FindAsync(Db, SubjectKinds.Article, oldSlug, Ct)).ShouldBe(first);
        (await Articles.CreateAsync(new CreateArticle(second, Fields(oldSlug, "Ander."), writer), Ct)).ShouldBeOfType<Invalid>();
        (await Articles.UpdateAsync(new UpdateArticle(first, 1, Fields(oldSlug, "Tekst."), writer), Ct)).ShouldBeOfType<Saved>();
        (await SlugRedirects.FindAsync(Db, SubjectKinds.Article, oldSlug, Ct)).ShouldBeNull();
        (await SlugRedirects.FindAsync(Db, SubjectKinds.Article, newSlug, Ct)).ShouldBe(first);
    }

    [Fact]
    public async Task Saving_without_a_change_adds_no_revision_and_no_audit_line()
    {
        var writer = await WriterAsync("Dirk");
        var id = Guid.NewGuid();
        var slug = Slug();
        await Articles.CreateAsync(new CreateArticle(id, Fields(slug, "Tekst."), writer), Ct);

        (await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, "Tekst."), writer), Ct)).ShouldBe(new Saved(id, slug, 1, Changed: false));

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @id", new { id })).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_from_an_older_revision_is_merged_with_the_save_in_between_and_names_its_author()
    {
        var (anna, bram) = (await WriterAsync("Anna"), await WriterAsync("Bram"));
        var id = Guid.NewGuid();
        var slug = Slug();
        await Articles.CreateAsync(new CreateArticle(id, Fields(slug, "Alinea een.\n\nAlinea twee.\n"), anna), Ct);
        (await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, "Alinea een, door Anna.\n\nAlinea twee.\n"), anna), Ct)).ShouldBeOfType<Saved>();

        var result = await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, "Alinea een.\n\nAlinea twee, door Bram.\n") with { Title = "Nieuwe titel" }, bram, "Twee aangevuld"), Ct);

        var merged = result.ShouldBeOfType<Merged>();
        merged.Revision.ShouldBe(3);
        merged.Names.ShouldBe(["Anna"]);
        var revision = (await new RevisionStore(Db).GetAsync(SubjectKinds.Article, id, 3, Ct)).ShouldNotBeNull();
        revision.Markdown.ShouldBe("Alinea een, door Anna.\n\nAlinea twee, door Bram.\n");
        revision.Title.ShouldBe("Nieuwe titel");
        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<string>("SELECT Summary FROM AuditLog WHERE SubjectId = @id AND NewValue = 'versie 3'", new { id })).ShouldNotBeNull()
            .ShouldContain("samengevoegd met de wijziging van Anna");
    }

    [Fact]
    public async Task Overlapping_edits_come_back_as_a_conflict_with_both_versions_and_save_nothing()
    {
        var (anna, bram) = (await WriterAsync("Anna"), await WriterAsync("Bram"));
        var id = Guid.NewGuid();
        var slug = Slug();
        await Articles.CreateAsync(new CreateArticle(id, Fields(slug, "De zin.\n"), anna), Ct);
        await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, "De zin van Anna.\n") with { Title = "Titel van Anna" }, anna), Ct);

        var result = await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, "De zin van Bram.\n") with { Title = "Titel van Bram" }, bram), Ct);

        var conflict = result.ShouldBeOfType<Conflict>();
        conflict.TheirsRevision.ShouldBe(2);
        conflict.BaseRevision.ShouldBe(1);
        conflict.With.Single().AuthorName.ShouldBe("Anna");
        var region = conflict.Merge.Conflicts.ShouldHaveSingleItem();
        region.Mine.ShouldContain("Bram");
        region.Theirs.ShouldContain("Anna");
        conflict.Fields.ShouldBe([new FieldConflict("Title", "Titel", "Titel van Bram", "Titel van Anna")]);
        (await new RevisionStore(Db).ListAsync(SubjectKinds.Article, id, Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_theme_is_created_and_updated_through_its_handler_with_status_and_lead_organisation()
    {
        var writer = await WriterAsync("Els");
        var id = Guid.NewGuid();
        var slug = Slug();
        var fields = new ThemeFields { Title = "Klimaatadaptatie", Slug = slug, Body = "Ambitie.\n", Visibility = "Atelier", Status = "Exploring", Keywords = ["Hitte"] };

        (await Themes.CreateAsync(new CreateTheme(id, fields, writer), Ct)).ShouldBe(new Saved(id, slug, 1));
        (await Themes.CreateAsync(new CreateTheme(Guid.NewGuid(), fields with { Status = "Klaar" }, writer), Ct)).ShouldBeOfType<Invalid>()
            .Errors.Select(e => e.Error).ShouldBe([WriteError.UnknownStatus]);
        (await Themes.UpdateAsync(new UpdateTheme(id, 1, fields with { Status = "Active", Body = "Ambitie, scherper.\n" }, writer), Ct)).ShouldBe(new Saved(id, slug, 2));

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.QuerySingleAsync<(string Status, string Visibility, int CurrentRevision)>("SELECT Status, Visibility, CurrentRevision FROM Themes WHERE Id = @id", new { id }))
            .ShouldBe(("Active", "Atelier", 2));
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Coauthors WHERE SubjectKind = 'Theme' AND SubjectId = @id AND Status = 'Active'", new { id })).ShouldBe(1);
    }

    [Fact]
    public async Task Twenty_writers_from_one_base_revision_each_changing_their_own_paragraph_all_end_up_in_the_text()
    {
        const int Writers = 20;
        var writers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => WriterAsync($"Schrijver {i}")));
        var id = Guid.NewGuid();
        var slug = Slug();
        var paragraphs = Enumerable.Range(0, Writers).Select(i => $"Alinea {i} over het beheer van de openbare ruimte.").ToArray();
        await Articles.CreateAsync(new CreateArticle(id, Fields(slug, string.Join("\n\n", paragraphs) + "\n"), writers[0]), Ct);

        using var start = new ManualResetEventSlim();
        var saves = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            start.Wait(Ct);
            var mine = paragraphs.ToArray();
            mine[i] = $"Alinea {i} over het beheer van de openbare ruimte, aangevuld door schrijver {i}.";
            return await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, string.Join("\n\n", mine) + "\n"), writers[i]), Ct);
        }, Ct)).ToArray();
        start.Set();
        var results = await Task.WhenAll(saves);

        results.ShouldAllBe(r => r is Saved || r is Merged);
        results.Count(r => r is Saved).ShouldBeLessThanOrEqualTo(1);
        var revisions = await new RevisionStore(Db).ListAsync(SubjectKinds.Article, id, Ct);
        revisions.Count.ShouldBe(Writers + 1);
        for (var i = 0; i < Writers; i++)
        {
            revisions[0].Markdown.ShouldContain($"aangevuld door schrijver {i}.");
        }

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @id AND Action = 'article.updated'", new { id })).ShouldBe(Writers);
    }

    [Fact]
    public async Task Twenty_writers_changing_the_same_line_from_one_base_one_wins_and_every_other_gets_the_conflict_with_their_text()
    {
        const int Writers = 20;
        var writers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => WriterAsync($"Schrijver {i}")));
        var id = Guid.NewGuid();
        var slug = Slug();
        await Articles.CreateAsync(new CreateArticle(id, Fields(slug, "Kop.\n\nDe regel die iedereen wil wijzigen.\n\nSlot.\n"), writers[0]), Ct);

        using var start = new ManualResetEventSlim();
        var saves = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await Articles.UpdateAsync(new UpdateArticle(id, 1, Fields(slug, $"Kop.\n\nDe regel, zoals schrijver {i} hem ziet.\n\nSlot.\n"), writers[i]), Ct);
        }, Ct)).ToArray();
        start.Set();
        var results = await Task.WhenAll(saves);

        results.Count(r => r is Saved).ShouldBe(1);
        var conflicts = results.OfType<Conflict>().ToList();
        conflicts.Count.ShouldBe(Writers - 1);
        for (var i = 0; i < Writers; i++)
        {
            if (results[i] is Conflict conflict)
            {
                conflict.Merge.Conflicts.ShouldHaveSingleItem().Mine.ShouldContain($"schrijver {i} hem");
                conflict.TheirsRevision.ShouldBe(2);
            }
        }

        (await new RevisionStore(Db).ListAsync(SubjectKinds.Article, id, Ct)).Count.ShouldBe(2);
        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @id AND Action = 'article.updated'", new { id })).ShouldBe(1);
    }

    private static string Slug() => "artikel-" + Guid.NewGuid().ToString("N")[..10];

    private static ArticleFields Fields(string slug, string body) => new() { Title = "Titel", Slug = slug, Body = body, Visibility = "Public" };

    private async Task<Writer> WriterAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync("""
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt)
            VALUES (@Id, @UserName, @NormalizedUserName, @DisplayName, @CreatedAt)
            """, new { Id = id, UserName = id.ToString("N"), NormalizedUserName = id.ToString("N").ToUpperInvariant(), DisplayName = name, CreatedAt = DateTimeOffset.UtcNow });
        return new Writer(id, name);
    }
}

public sealed class ArticleWritesTestsOnSqlite(SqliteFixture database) : ArticleWritesTests(database), IClassFixture<SqliteFixture>;

public sealed class ArticleWritesTestsOnSqlServer(SqlServerFixture database) : ArticleWritesTests(database), IClassFixture<SqlServerFixture>;
