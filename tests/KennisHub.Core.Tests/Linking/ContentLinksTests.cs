using Dapper;
using KennisHub.Core.Linking;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Linking;

public abstract class ContentLinksTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task Replacing_an_items_links_keeps_exactly_the_targets_of_its_new_text()
    {
        var source = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await ContentLinks.ReplaceAsync(connection, transaction, SubjectKinds.Article, source, "[[een]] [[twee]] [x](/themas/drie)", Ct);
            await transaction.CommitAsync(Ct);
        }

        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await ContentLinks.ReplaceAsync(connection, transaction, SubjectKinds.Article, source, "[[twee]] [y](/kennis/vier)", Ct);
            await transaction.CommitAsync(Ct);
        }

        var rows = await connection.QueryAsync<(string, string)>(
            "SELECT TargetKind, TargetSlug FROM ContentLinks WHERE SourceKind = 'Article' AND SourceId = @Id ORDER BY TargetSlug", new { Id = source });
        rows.ShouldBe([(LinkTarget.AnyKind, "twee"), (SubjectKinds.Article, "vier")]);
    }

    [Fact]
    public async Task Links_here_and_link_titles_come_only_from_items_the_reader_may_see()
    {
        var target = await AddArticleAsync("doel-" + Guid.NewGuid().ToString("N")[..8], "Public", "Het doel");
        var open = await AddArticleAsync("open-" + Guid.NewGuid().ToString("N")[..8], "Public", "Open bron");
        var hidden = await AddArticleAsync("dicht-" + Guid.NewGuid().ToString("N")[..8], "Atelier", "Geheime bron");
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await ContentLinks.ReplaceAsync(connection, transaction, SubjectKinds.Article, open.Id, $"[[{target.Slug}]] [[{hidden.Slug}]]", Ct);
            await ContentLinks.ReplaceAsync(connection, transaction, SubjectKinds.Article, hidden.Id, $"[x](/kennis/{target.Slug})", Ct);
            await transaction.CommitAsync(Ct);
        }

        var queries = new LinkQueries(Db);
        var html = new KennisHub.Core.Markdown.MarkdownRenderer().Render($"[[{target.Slug}]] [[{hidden.Slug}]]").Html;
        var atelier = new Reader(Guid.NewGuid(), new HashSet<string> { KennisHub.Core.Identity.RoleNames.AtelierMember });

        var forVisitor = await queries.ForItemAsync(Reader.Visitor, SubjectKinds.Article, target.Slug, html, Ct);
        var forAtelier = await queries.ForItemAsync(atelier, SubjectKinds.Article, target.Slug, html, Ct);

        forVisitor.LinkedFrom.Select(l => l.Title).ShouldBe(["Open bron"]);
        forAtelier.LinkedFrom.Select(l => l.Title).ShouldBe(["Geheime bron", "Open bron"]);
        forVisitor.Targets.Select(t => t.Title).ShouldBe(["Het doel"]);
        forAtelier.Targets.Select(t => t.Title).Order().ShouldBe(["Geheime bron", "Het doel"]);
        (await queries.TargetsAsync(Reader.Visitor, "<p>geen links</p>", Ct)).ShouldBeEmpty();
    }

    private async Task<(Guid Id, string Slug)> AddArticleAsync(string slug, string visibility, string title)
    {
        const string Sql = """
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Title, '', @Visibility, @Now, @Now)
            """;
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, Slug = slug, Title = title, Visibility = visibility, Now = DateTimeOffset.UtcNow });
        return (id, slug);
    }
}

public sealed class ContentLinksTestsOnSqlite(SqliteFixture database) : ContentLinksTests(database), IClassFixture<SqliteFixture>;

public sealed class ContentLinksTestsOnSqlServer(SqlServerFixture database) : ContentLinksTests(database), IClassFixture<SqlServerFixture>;
