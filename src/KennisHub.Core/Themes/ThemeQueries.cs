using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Data;
using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Themes;

/// <summary>The read side of themes: every query filters on what the reader may see, in SQL.</summary>
public sealed class ThemeQueries(Db db)
{
    /// <summary>The most recently updated themes the reader may see.</summary>
    public async Task<IReadOnlyList<ThemeSummary>> ListRecentAsync(Reader reader, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt
            FROM Themes
            WHERE Visibility IN @Visibilities
            ORDER BY UpdatedAt DESC, Slug
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ThemeSummary>(new CommandDefinition(
            db.Dialect.Page(Sql), new { reader.Visibilities, Skip = 0, Take = take }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Every theme the reader may see, by title.</summary>
    public async Task<IReadOnlyList<ThemeSummary>> ListAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt
            FROM Themes
            WHERE Visibility IN @Visibilities
            ORDER BY Title, Slug
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ThemeSummary>(
            new CommandDefinition(Sql, new { reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>A theme with its keywords and the articles of it the reader may see; null when unknown or not visible.</summary>
    public async Task<ThemeDetail?> FindBySlugAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT t.Id, t.Slug, t.Title, t.Summary, b.BodyHtml, t.Visibility, t.CurrentRevision, t.Version, t.UpdatedAt
            FROM Themes t
            INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
            WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities
            """;
        const string ArticlesSql = """
            SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt,
                   o.Slug AS OrganisationSlug, o.Name AS OrganisationName
            FROM ArticleThemes art
            INNER JOIN Articles a ON a.Id = art.ArticleId
            LEFT JOIN Organisations o ON o.Id = a.OrganisationId
            WHERE art.ThemeId = @ThemeId AND a.Visibility IN @Visibilities
            ORDER BY a.UpdatedAt DESC, a.Slug
            """;

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var theme = await connection.QuerySingleOrDefaultAsync<ThemeDetail>(
            new CommandDefinition(Sql, new { Slug = slug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (theme is null)
        {
            return null;
        }

        var articles = await connection.QueryAsync<ArticleSummary>(new CommandDefinition(
            ArticlesSql, new { ThemeId = theme.Id, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var keywords = await KeywordQueries.ListForThemeAsync(connection, theme.Id, cancellationToken).ConfigureAwait(false);
        return theme with { Articles = articles.AsList(), Keywords = keywords };
    }
}
