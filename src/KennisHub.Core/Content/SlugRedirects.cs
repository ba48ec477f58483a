using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Content;

/// <summary>
/// Old slugs of renamed articles and themes (migration 0008), written by the write handlers on a rename. The
/// details pages ask here when a slug finds nothing, and answer with a permanent redirect to the current slug.
/// </summary>
public sealed class SlugRedirects(Db db)
{
    private const string ArticleSql = """
        SELECT a.Slug
        FROM SlugRedirects r
        INNER JOIN Articles a ON a.Id = r.SubjectId
        WHERE r.SubjectKind = 'Article' AND r.Slug = @Slug AND a.Visibility IN @Visibilities
        """;

    private const string ThemeSql = """
        SELECT t.Slug
        FROM SlugRedirects r
        INNER JOIN Themes t ON t.Id = r.SubjectId
        WHERE r.SubjectKind = 'Theme' AND r.Slug = @Slug AND t.Visibility IN @Visibilities
        """;

    /// <summary>The current slug of the article or theme that once had this slug, if the reader may see it.</summary>
    public async Task<string?> CurrentSlugAsync(Reader reader, string subjectKind, string oldSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sql = subjectKind switch
        {
            SubjectKinds.Article => ArticleSql,
            SubjectKinds.Theme => ThemeSql,
            _ => throw new ArgumentOutOfRangeException(nameof(subjectKind), subjectKind, "Alleen kennisartikelen en thema's hebben oude slugs."),
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            sql, new { Slug = oldSlug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The item an old slug points at, whoever may see it (for tests and tools).</summary>
    public static async Task<Guid?> FindAsync(Db db, string subjectKind, string oldSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string Sql = "SELECT SubjectId FROM SlugRedirects WHERE SubjectKind = @SubjectKind AND Slug = @Slug";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, Slug = oldSlug }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
