using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Articles;

/// <summary>A knowledge article as lists and cards show it.</summary>
public sealed record ArticleSummary
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required Visibility Visibility { get; init; }

    public string? AuthorName { get; init; }

    public string? OrganisationSlug { get; init; }

    public string? OrganisationName { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A theme an article belongs to (only those the reader may see).</summary>
public sealed record ArticleTheme(string Slug, string Title);

/// <summary>A knowledge article's own page: stored HTML and its metadata.</summary>
public sealed record ArticleDetail
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string BodyHtml { get; init; }

    public required Visibility Visibility { get; init; }

    public string? AuthorName { get; init; }

    public Guid? AuthorId { get; init; }

    public string? OrganisationSlug { get; init; }

    public string? OrganisationName { get; init; }

    public required int CurrentRevision { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The day the text was written (content/ front matter <c>written</c>), when known; not the import date.</summary>
    public DateTimeOffset? WrittenAt { get; init; }

    /// <summary>The Active co-authors, first one first (the item's "Auteurs").</summary>
    public IReadOnlyList<Coauthoring.ItemAuthor> Authors { get; init; } = [];

    public IReadOnlyList<ArticleTheme> Themes { get; init; } = [];

    public IReadOnlyList<Keyword> Keywords { get; init; } = [];
}

/// <summary>Filter of the article list: by theme slug and/or keyword slug.</summary>
public sealed record ArticleFilter(string? ThemeSlug = null, string? KeywordSlug = null);
