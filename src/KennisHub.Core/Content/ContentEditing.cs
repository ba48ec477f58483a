using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;
using KennisHub.Core.Themes;

namespace KennisHub.Core.Content;

/// <summary>An article as its editor opens it: the fields and the revision the edit starts from.</summary>
public sealed record ArticleEdit(Guid Id, int Revision, ArticleFields Fields);

/// <summary>A theme as its editor opens it.</summary>
public sealed record ThemeEdit(Guid Id, int Revision, ThemeFields Fields);

/// <summary>One choice in a form's list (an organisation, a theme).</summary>
public sealed record Choice
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }
}

/// <summary>What the editors offer to choose from: organisations, the themes the writer may see, existing keywords.</summary>
public sealed record EditorChoices(IReadOnlyList<Choice> Organisations, IReadOnlyList<Choice> Themes, IReadOnlyList<string> Keywords);

/// <summary>The read side of the editors, through the Reader like every other read: an invisible item is not found.</summary>
public sealed class ContentEditing(Db db)
{
    /// <summary>The most keyword suggestions an editor's datalist carries.</summary>
    public const int MaxKeywordSuggestions = 500;

    private sealed record ArticleRow
    {
        public required Guid Id { get; init; }

        public required string Slug { get; init; }

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public required string BodyMarkdown { get; init; }

        public required string Visibility { get; init; }

        public string Status { get; init; } = string.Empty;

        public Guid? OrganisationId { get; init; }

        public required int CurrentRevision { get; init; }
    }

    public async Task<ArticleEdit?> FindArticleAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT a.Id, a.Slug, a.Title, a.Summary, b.BodyMarkdown, a.Visibility, a.OrganisationId, a.CurrentRevision
            FROM Articles a
            INNER JOIN ArticleBodies b ON b.ArticleId = a.Id
            WHERE a.Slug = @Slug AND a.Visibility IN @Visibilities;
            SELECT art.ThemeId
            FROM Articles a
            INNER JOIN ArticleThemes art ON art.ArticleId = a.Id
            WHERE a.Slug = @Slug;
            SELECT k.Name
            FROM Articles a
            INNER JOIN ArticleKeywords ak ON ak.ArticleId = a.Id
            INNER JOIN Keywords k ON k.Id = ak.KeywordId
            WHERE a.Slug = @Slug
            ORDER BY k.Name
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql, new { Slug = slug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var row = await results.ReadSingleOrDefaultAsync<ArticleRow>().ConfigureAwait(false);
        var themeIds = (await results.ReadAsync<Guid>().ConfigureAwait(false)).AsList();
        var keywords = (await results.ReadAsync<string>().ConfigureAwait(false)).AsList();
        return row is null ? null : new ArticleEdit(row.Id, row.CurrentRevision, new ArticleFields
        {
            Title = row.Title, Slug = row.Slug, Summary = row.Summary, Body = row.BodyMarkdown, Visibility = row.Visibility,
            OrganisationId = row.OrganisationId, ThemeIds = themeIds, Keywords = keywords,
        });
    }

    public async Task<ThemeEdit?> FindThemeAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT t.Id, t.Slug, t.Title, t.Summary, b.BodyMarkdown, t.Visibility, t.Status, t.LeadOrganisationId AS OrganisationId, t.CurrentRevision
            FROM Themes t
            INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
            WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities;
            SELECT k.Name
            FROM Themes t
            INNER JOIN ThemeKeywords tk ON tk.ThemeId = t.Id
            INNER JOIN Keywords k ON k.Id = tk.KeywordId
            WHERE t.Slug = @Slug
            ORDER BY k.Name
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql, new { Slug = slug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var row = await results.ReadSingleOrDefaultAsync<ArticleRow>().ConfigureAwait(false);
        var keywords = (await results.ReadAsync<string>().ConfigureAwait(false)).AsList();
        return row is null ? null : new ThemeEdit(row.Id, row.CurrentRevision, new ThemeFields
        {
            Title = row.Title, Slug = row.Slug, Summary = row.Summary, Body = row.BodyMarkdown, Visibility = row.Visibility,
            Status = row.Status, LeadOrganisationId = row.OrganisationId, Keywords = keywords,
        });
    }

    public async Task<EditorChoices> ChoicesAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT Id, Name FROM Organisations ORDER BY Name;
            SELECT Id, Title AS Name FROM Themes WHERE Visibility IN @Visibilities ORDER BY Title;
            SELECT Name FROM Keywords ORDER BY Name
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql, new { reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var organisations = (await results.ReadAsync<Choice>().ConfigureAwait(false)).AsList();
        var themes = (await results.ReadAsync<Choice>().ConfigureAwait(false)).AsList();
        var keywords = (await results.ReadAsync<string>().ConfigureAwait(false)).Take(MaxKeywordSuggestions).ToList();
        return new EditorChoices(organisations, themes, keywords);
    }
}
