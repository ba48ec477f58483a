using KennisHub.Core.Revisions;

namespace KennisHub.Core.Search;

/// <summary>
/// What the index needs to know about one kind of searchable item. A new kind (positions, later) is one more entry
/// in <see cref="SearchKinds.All"/>: its SQL, the address of an item, and whether its body is Markdown.
/// </summary>
/// <param name="Name">The stored kind (the Revisions SubjectKinds value where there is one).</param>
/// <param name="LoadSql">One item by @Id: Slug, Title, Summary, Body, Visibility, OrganisationName, ItemDate.</param>
/// <param name="KeywordsSql">The item's keyword names by @Id.</param>
/// <param name="ContextSql">Names the item is found by besides its own text (its themes, a province) by @Id.</param>
/// <param name="IdsSql">Every item of the kind, oldest change first (the order a reindex writes them in).</param>
/// <param name="BodiesSql">The plain text snippets are cut from, by @Ids: SubjectId, Body.</param>
/// <param name="BodyIsMarkdown">The body is Markdown, reduced to plain text before analysis and snippets.</param>
/// <param name="PathPrefix">The item's page is PathPrefix + slug.</param>
public sealed record SearchKind(
    string Name, string LoadSql, string KeywordsSql, string? ContextSql, string IdsSql, string BodiesSql, bool BodyIsMarkdown, string PathPrefix);

public static class SearchKinds
{
    public const string Organisation = "Organisation";

    public static readonly SearchKind Article = new(
        SubjectKinds.Article,
        """
        SELECT a.Slug, a.Title, a.Summary, b.BodyText AS Body, a.Visibility, o.Name AS OrganisationName, COALESCE(a.WrittenAt, a.CreatedAt) AS ItemDate
        FROM Articles a
        INNER JOIN ArticleBodies b ON b.ArticleId = a.Id
        LEFT JOIN Organisations o ON o.Id = a.OrganisationId
        WHERE a.Id = @Id
        """,
        "SELECT k.Name FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = @Id",
        "SELECT t.Title FROM ArticleThemes at INNER JOIN Themes t ON t.Id = at.ThemeId WHERE at.ArticleId = @Id AND t.Visibility = 'Public'",
        "SELECT Id FROM Articles ORDER BY UpdatedAt, Id",
        "SELECT ArticleId AS SubjectId, BodyText AS Body FROM ArticleBodies WHERE ArticleId IN @Ids",
        BodyIsMarkdown: false,
        "/kennis/");

    public static readonly SearchKind Theme = new(
        SubjectKinds.Theme,
        """
        SELECT t.Slug, t.Title, t.Summary, b.BodyText AS Body, t.Visibility, NULL AS OrganisationName, t.CreatedAt AS ItemDate
        FROM Themes t
        INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
        WHERE t.Id = @Id
        """,
        "SELECT k.Name FROM ThemeKeywords tk INNER JOIN Keywords k ON k.Id = tk.KeywordId WHERE tk.ThemeId = @Id",
        ContextSql: null,
        "SELECT Id FROM Themes ORDER BY UpdatedAt, Id",
        "SELECT ThemeId AS SubjectId, BodyText AS Body FROM ThemeBodies WHERE ThemeId IN @Ids",
        BodyIsMarkdown: false,
        "/themas/");

    public static readonly SearchKind OrganisationKind = new(
        Organisation,
        """
        SELECT Slug, Name AS Title, '' AS Summary, DescriptionMarkdown AS Body, 'Public' AS Visibility, NULL AS OrganisationName, CreatedAt AS ItemDate
        FROM Organisations
        WHERE Id = @Id
        """,
        "SELECT Kind FROM Organisations WHERE Id = @Id",
        "SELECT Province FROM Organisations WHERE Id = @Id AND Province IS NOT NULL",
        "SELECT Id FROM Organisations ORDER BY UpdatedAt, Id",
        "SELECT Id AS SubjectId, DescriptionMarkdown AS Body FROM Organisations WHERE Id IN @Ids",
        BodyIsMarkdown: true,
        "/organisaties/");

    /// <summary>Every searchable kind. Add a kind here and the index, the reindex and the results page know it.</summary>
    public static readonly IReadOnlyList<SearchKind> All = [Article, Theme, OrganisationKind];

    public static SearchKind Get(string name)
        => All.FirstOrDefault(k => k.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Onbekende soort voor zoeken.");
}
