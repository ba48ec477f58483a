using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Articles;

/// <summary>The read side of knowledge articles: every query filters on what the reader may see, in SQL.</summary>
public sealed class ArticleQueries(Db db)
{
    /// <summary>The most recently updated articles the reader may see.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> ListRecentAsync(Reader reader, int take, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(reader, new ArticleFilter(), 1, take, cancellationToken).ConfigureAwait(false);
        return page.Items;
    }

    /// <summary>One page of the articles the reader may see, newest first, optionally of one theme or keyword.</summary>
    public async Task<PagedList<ArticleSummary>> ListAsync(
        Reader reader, ArticleFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filter);

        // The theme filter only matches a theme the reader may see, so a hidden theme's slug reveals nothing.
        // COUNT(*) OVER () brings the total along with the page: one statement, one WHERE clause.
        const string Sql = """
            SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt,
                   o.Slug AS OrganisationSlug, o.Name AS OrganisationName,
                   CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount
            FROM Articles a
            LEFT JOIN Organisations o ON o.Id = a.OrganisationId
            WHERE a.Visibility IN @Visibilities
              AND (@ThemeSlug IS NULL OR EXISTS (
                    SELECT 1 FROM ArticleThemes art INNER JOIN Themes t ON t.Id = art.ThemeId
                    WHERE art.ArticleId = a.Id AND t.Slug = @ThemeSlug AND t.Visibility IN @Visibilities))
              AND (@KeywordSlug IS NULL OR EXISTS (
                    SELECT 1 FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId
                    WHERE ak.ArticleId = a.Id AND k.Slug = @KeywordSlug))
            ORDER BY a.UpdatedAt DESC, a.Slug
            """;
        var parameters = new
        {
            reader.Visibilities,
            filter.ThemeSlug,
            filter.KeywordSlug,
            Skip = PagedList<ArticleSummary>.Skip(page, pageSize),
            Take = pageSize,
        };

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryPageAsync<ArticleSummary>(db.Dialect.Page(Sql), parameters, page, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An article with its organisation, visible themes and keywords; null when unknown or not visible.</summary>
    public async Task<ArticleDetail?> FindBySlugAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT a.Id, a.Slug, a.Title, a.Summary, b.BodyHtml, a.Visibility, a.AuthorName, a.AuthorId,
                   o.Slug AS OrganisationSlug, o.Name AS OrganisationName,
                   a.CurrentRevision, a.Version, a.CreatedAt, a.UpdatedAt
            FROM Articles a
            INNER JOIN ArticleBodies b ON b.ArticleId = a.Id
            LEFT JOIN Organisations o ON o.Id = a.OrganisationId
            WHERE a.Slug = @Slug AND a.Visibility IN @Visibilities
            """;
        const string ThemesSql = """
            SELECT t.Slug, t.Title
            FROM ArticleThemes art
            INNER JOIN Themes t ON t.Id = art.ThemeId
            WHERE art.ArticleId = @ArticleId AND t.Visibility IN @Visibilities
            ORDER BY t.Title
            """;

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var article = await connection.QuerySingleOrDefaultAsync<ArticleDetail>(
            new CommandDefinition(Sql, new { Slug = slug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (article is null)
        {
            return null;
        }

        var themes = await connection.QueryAsync<(string Slug, string Title)>(new CommandDefinition(
            ThemesSql, new { ArticleId = article.Id, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var keywords = await KeywordQueries.ListForArticleAsync(connection, article.Id, cancellationToken).ConfigureAwait(false);
        return article with
        {
            Themes = themes.Select(t => new ArticleTheme(t.Slug, t.Title)).ToList(),
            Keywords = keywords,
        };
    }
}
