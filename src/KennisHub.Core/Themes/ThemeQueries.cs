using Dapper;
using KennisHub.Core.Coauthoring;
using KennisHub.Core.Data;
using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Themes;

/// <summary>The read side of themes: every query filters on what the reader may see, in SQL.</summary>
public sealed class ThemeQueries(Db db)
{
    private const string CardSelect = "SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt FROM Themes WHERE Visibility IN @Visibilities";

    /// <summary>IX_Themes_UpdatedAt holds this order.</summary>
    private const string RecentSql = CardSelect + " ORDER BY UpdatedAt DESC, Slug";

    private const string SummaryBySlugSql = CardSelect + " AND Slug = @Slug";

    /// <summary>IX_Themes_Title holds this order.</summary>
    private const string ByTitleSql = CardSelect + " ORDER BY Title, Slug";

    // The theme page in one round trip: the theme with its body, and its keywords. Its articles are a paged list
    // of their own (ArticleQueries with the theme filter).
    private const string DetailSql = """
        SELECT t.Id, t.Slug, t.Title, t.Summary, b.BodyHtml, t.Visibility, t.CurrentRevision, t.Version, t.UpdatedAt
        FROM Themes t
        INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
        WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities;
        SELECT k.Id, k.Slug, k.Name
        FROM Themes t
        INNER JOIN ThemeKeywords tk ON tk.ThemeId = t.Id
        INNER JOIN Keywords k ON k.Id = tk.KeywordId
        WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities
        ORDER BY k.Name;
        SELECT u.DisplayName, u.Slug
        FROM Themes t
        INNER JOIN Coauthors c ON c.SubjectKind = 'Theme' AND c.SubjectId = t.Id AND c.Status = 'Active'
        INNER JOIN Users u ON u.Id = c.UserId
        WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities
        ORDER BY c.CreatedAt, u.DisplayName
        """;

    /// <summary>The most recently updated themes the reader may see.</summary>
    public async Task<IReadOnlyList<ThemeSummary>> ListRecentAsync(Reader reader, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var page = await connection.QueryListPageAsync<ThemeSummary>(
            db.Dialect.Page(RecentSql), new { reader.Visibilities }, 1, take, cancellationToken).ConfigureAwait(false);
        return page.Items;
    }

    /// <summary>
    /// The theme filter of /kennis: the <paramref name="take"/> most recently updated themes the reader may see, by
    /// title, and whether there are more. A select of thousands of options helps nobody and cost most of the page's
    /// time; the full list is /themas, and any visible theme still filters through ?thema=.
    /// </summary>
    public async Task<ListPage<ThemeSummary>> ListForFilterAsync(Reader reader, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var recent = await connection.QueryListPageAsync<ThemeSummary>(
            db.Dialect.Page(RecentSql), new { reader.Visibilities }, 1, take, cancellationToken).ConfigureAwait(false);
        return recent with { Items = [.. recent.Items.OrderBy(t => t.Title, StringComparer.CurrentCulture).ThenBy(t => t.Slug, StringComparer.Ordinal)] };
    }

    /// <summary>A theme's card (no body) by slug; null when unknown or not visible.</summary>
    public async Task<ThemeSummary?> FindSummaryBySlugAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ThemeSummary>(
            new CommandDefinition(SummaryBySlugSql, new { reader.Visibilities, Slug = slug }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>One page of the themes the reader may see, by title.</summary>
    public async Task<ListPage<ThemeSummary>> ListPageAsync(Reader reader, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryListPageAsync<ThemeSummary>(
            db.Dialect.Page(ByTitleSql), new { reader.Visibilities }, page, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A theme with its keywords; null when unknown or not visible.</summary>
    public async Task<ThemeDetail?> FindBySlugAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(DetailSql, new { Slug = slug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var theme = await results.ReadSingleOrDefaultAsync<ThemeDetail>().ConfigureAwait(false);
        var keywords = await results.ReadAsync<Keyword>().ConfigureAwait(false);
        var authors = await results.ReadAsync<ItemAuthor>().ConfigureAwait(false);
        return theme is null ? null : theme with { Keywords = keywords.AsList(), Authors = authors.AsList() };
    }
}
