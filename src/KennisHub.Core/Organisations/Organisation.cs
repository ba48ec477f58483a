namespace KennisHub.Core.Organisations;

/// <summary>What kind of organisation (stored by name in Organisations.Kind; Dutch words in the UI).</summary>
public enum OrganisationKind
{
    Municipality,
    Network,
    Knowledge,
    Education,
    Consultancy,
    Sponsor,
    Government,
}

/// <summary>An organisation as lists show it.</summary>
public sealed record OrganisationSummary
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required OrganisationKind Kind { get; init; }

    public string? Province { get; init; }

    public int? Inhabitants { get; init; }
}

/// <summary>An organisation's own page: its description and member count (its articles are a paged list of their own).</summary>
public sealed record OrganisationDetail
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required OrganisationKind Kind { get; init; }

    public string? CbsCode { get; init; }

    public string? Province { get; init; }

    public int? Inhabitants { get; init; }

    public string? Website { get; init; }

    public string? Place { get; init; }

    public required string DescriptionHtml { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public int MemberCount { get; init; }
}

/// <summary>Filter of the organisation list: kind, and province (meaningful for municipalities).</summary>
public sealed record OrganisationFilter(OrganisationKind? Kind = null, string? Province = null);
