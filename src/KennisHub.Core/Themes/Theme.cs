using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Themes;

/// <summary>A theme as lists and cards show it.</summary>
public sealed record ThemeSummary
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required Visibility Visibility { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A theme's own page: stored HTML and keywords (its articles are a paged list of their own).</summary>
public sealed record ThemeDetail
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string BodyHtml { get; init; }

    public required Visibility Visibility { get; init; }

    public required int CurrentRevision { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<Keyword> Keywords { get; init; } = [];

    /// <summary>The Active co-authors, first one first (the item's "Auteurs").</summary>
    public IReadOnlyList<Coauthoring.ItemAuthor> Authors { get; init; } = [];
}

/// <summary>Where a theme stands (stored by name): Verkenning, Actief, Afgerond.</summary>
public enum ThemeStatus
{
    /// <summary>Verkenning: the atelier is finding out what the theme is about.</summary>
    Exploring,

    /// <summary>Actief: being worked out.</summary>
    Active,

    /// <summary>Afgerond: done; kept for reference.</summary>
    Completed,
}
