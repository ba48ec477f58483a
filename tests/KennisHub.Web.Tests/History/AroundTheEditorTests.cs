using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Linking;
using KennisHub.Core.Revisions;
using KennisHub.Web.Tests.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.History;

/// <summary>
/// The pages around the editor (history, comparison, internal links, attachments, co-authors) on the knowledge
/// fixture's site, one host for all of them: each part is a file of this partial class. Items made here get their
/// own slugs, so the fixture's items stay as the other knowledge tests expect them.
/// </summary>
public sealed partial class AroundTheEditorTests(KnowledgeFactory factory) : IClassFixture<KnowledgeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Db Db => factory.Services.GetRequiredService<Db>();

    /// <summary>An article (or theme) with these revisions (title, Markdown, change summary), the last one current.</summary>
    private async Task<Guid> AddItemAsync(string kind, string slug, string visibility, params (string Title, string Markdown, string ChangeSummary)[] revisions)
    {
        const string ArticleSql = """
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, AuthorName, CurrentRevision, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Title, 'Samenvatting.', @Visibility, 'Proef', @Revision, @Now, @Now);
            INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText) VALUES (@Id, @Markdown, @Html, @Markdown);
            """;
        const string ThemeSql = """
            INSERT INTO Themes (Id, Slug, Title, Summary, Visibility, CurrentRevision, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Title, 'Samenvatting.', @Visibility, @Revision, @Now, @Now);
            INSERT INTO ThemeBodies (ThemeId, BodyMarkdown, BodyHtml, BodyText) VALUES (@Id, @Markdown, @Html, @Markdown);
            """;
        var id = Guid.NewGuid();
        var renderer = factory.Services.GetRequiredService<KennisHub.Core.Markdown.MarkdownRenderer>();
        var last = revisions[^1];
        await using var connection = await Db.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(kind == SubjectKinds.Article ? ArticleSql : ThemeSql, new
        {
            Id = id, Slug = slug, last.Title, Visibility = visibility, Revision = revisions.Length, Now = DateTimeOffset.UtcNow,
            last.Markdown, renderer.Render(last.Markdown).Html,
        }, transaction, cancellationToken: Ct));
        foreach (var (title, markdown, change) in revisions)
        {
            await RevisionStore.AppendAsync(connection, transaction, kind, id, title, markdown, "Samenvatting.", change, null, Ct);
        }

        // As a write handler does: the links of the current text, in the same transaction.
        await ContentLinks.ReplaceAsync(connection, transaction, kind, id, last.Markdown, Ct);

        await transaction.CommitAsync(Ct);
        return id;
    }

    /// <summary>
    /// Adds shared test data once per host: theory cases and tests run one after another on the one host, the first
    /// adds the article <paramref name="slug"/>, the others find it.
    /// </summary>
    private async Task OnceAsync(string slug, Func<Task> add)
    {
        await using var connection = await Db.OpenAsync(Ct);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM Articles WHERE Slug = @Slug", new { Slug = slug }, cancellationToken: Ct)) == 0)
        {
            await add();
        }
    }
}
