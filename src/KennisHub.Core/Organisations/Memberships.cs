namespace KennisHub.Core.Organisations;

/// <summary>Where a membership stands (Memberships.Status, by name): Aangevraagd, Goedgekeurd, Afgewezen, Beëindigd.</summary>
public enum MembershipStatus
{
    Requested,
    Approved,
    Refused,
    Ended,
}

/// <summary>Who may speak for an organisation, and on what footing (Mandates.Kind, by name).</summary>
public enum MandateKind
{
    /// <summary>Bestuurlijk: wethouder.</summary>
    Alderman,

    /// <summary>Bestuurlijk: burgemeester.</summary>
    Mayor,

    /// <summary>Bestuurlijk: directeur.</summary>
    Director,

    /// <summary>Ambtelijk gemandateerd.</summary>
    Delegated,
}

/// <summary>The outcome of a membership or mandate change; pages map it to a message.</summary>
public enum MembershipChange
{
    Done,

    /// <summary>The request, member or mandate is not (or no longer) in the state the change needs.</summary>
    NothingToChange,

    /// <summary>The person already belongs to, or already asked to join, the organisation.</summary>
    AlreadyMemberOrRequested,

    /// <summary>The organisation would be left without a contact person.</summary>
    LastContactPerson,

    /// <summary>A mandate's end lies in the past, or before its start.</summary>
    EndInPast,
}

/// <summary>One membership as the person sees it on "Mijn lidmaatschappen".</summary>
public sealed record MyMembership
{
    public required Guid OrganisationId { get; init; }

    public required string OrganisationSlug { get; init; }

    public required string OrganisationName { get; init; }

    public required MembershipStatus Status { get; init; }

    public string? JobTitle { get; init; }

    public bool IsContactPerson { get; init; }

    public string? Motivation { get; init; }

    public string? DecisionReason { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A member or applicant as the organisation's management page shows them.</summary>
public sealed record OrganisationMember
{
    public required Guid UserId { get; init; }

    public required string DisplayName { get; init; }

    public string? PersonSlug { get; init; }

    public required MembershipStatus Status { get; init; }

    public string? JobTitle { get; init; }

    public bool IsContactPerson { get; init; }

    public string? Motivation { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A mandate, current or ended (an ended mandate keeps its record).</summary>
public sealed record Mandate
{
    public required Guid Id { get; init; }

    public required Guid UserId { get; init; }

    public required string DisplayName { get; init; }

    public required MandateKind Kind { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public bool IsValidAt(DateTimeOffset moment) => StartsAt <= moment && (EndsAt is null || EndsAt > moment);
}

/// <summary>One line of a membership's history: a request, a decision, leaving, a change of role.</summary>
public sealed record MembershipEvent
{
    public required MembershipStatus Status { get; init; }

    public string? Note { get; init; }

    public required string ActorName { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Input limits shared by the services and the page validation.</summary>
public static class MembershipLimits
{
    public const int Motivation = 2000;
    public const int Reason = 2000;
    public const int JobTitle = 200;
}
