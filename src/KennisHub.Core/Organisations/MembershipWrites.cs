using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Network;

namespace KennisHub.Core.Organisations;

/// <summary>
/// Every change to who belongs to an organisation, who is its contact person and who may speak for it. Each change is
/// one short transaction holding the Memberships row, a MembershipEvents line where a request or decision is concerned,
/// and the audit line with the state before and after. Every statement names the organisation, so an id from a form
/// can never reach another organisation's members: the caller has checked the actor against that organisation.
/// </summary>
public sealed class MembershipWrites(Db db)
{
    private const string StateSql = """
        SELECT Status, JobTitle, IsContactPerson, Version FROM Memberships
        WHERE UserId = @UserId AND OrganisationId = @OrganisationId
        """;

    private const string ContactPersonCountSql = """
        SELECT COUNT(*) FROM Memberships
        WHERE OrganisationId = @OrganisationId AND IsContactPerson = 1 AND Status = @Approved
        """;

    private const string EventSql = """
        INSERT INTO MembershipEvents (Id, UserId, OrganisationId, Status, Note, ActorId, ActorName, OccurredAt)
        VALUES (@Id, @UserId, @OrganisationId, @Status, @Note, @ActorId, @ActorName, @OccurredAt)
        """;

    private static readonly JsonSerializerOptions AuditJson = new() { Converters = { new JsonStringEnumConverter() } };

    private sealed record State
    {
        public MembershipStatus Status { get; init; }

        public string? JobTitle { get; init; }

        public bool IsContactPerson { get; init; }

        public int Version { get; init; }
    }

    /// <summary>A signed-in member asks to join, with a motivation; after a refusal or leaving they may ask again.</summary>
    public async Task<MembershipChange> RequestAsync(Guid organisationId, Actor requester, string motivation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        const string InsertSql = """
            INSERT INTO Memberships (UserId, OrganisationId, IsContactPerson, JobTitle, CreatedAt, Status, Motivation, UpdatedAt, Version)
            VALUES (@UserId, @OrganisationId, 0, NULL, @Now, @Requested, @Motivation, @Now, 1)
            """;
        const string RenewSql = """
            UPDATE Memberships
            SET Status = @Requested, Motivation = @Motivation, DecidedById = NULL, DecidedAt = NULL, DecisionReason = NULL,
                IsContactPerson = 0, UpdatedAt = @Now, Version = Version + 1
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND Version = @Version
            """;
        var now = DateTimeOffset.UtcNow;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, requester.Id, organisationId, cancellationToken);
        if (before is { Status: MembershipStatus.Requested or MembershipStatus.Approved })
        {
            return MembershipChange.AlreadyMemberOrRequested;
        }

        var parameters = new
        {
            UserId = requester.Id,
            OrganisationId = organisationId,
            Now = now,
            Requested = nameof(MembershipStatus.Requested),
            Motivation = motivation.Trim(),
            Version = before?.Version ?? 0,
        };
        if (before is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(RenewSql, parameters, transaction, cancellationToken: cancellationToken));
        }

        await EventAsync(connection, transaction, requester.Id, organisationId, MembershipStatus.Requested, parameters.Motivation, requester, now, cancellationToken);
        await AuditAsync(connection, transaction, "membership.requested", organisationId, "Lidmaatschap aangevraagd door " + requester.Name,
            requester, before, new { UserId = requester.Id, Status = nameof(MembershipStatus.Requested), parameters.Motivation }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MembershipChange.Done;
    }

    /// <summary>A contact person or Beheerder approves or refuses an open request, with a reason (required to refuse).</summary>
    public async Task<MembershipChange> DecideAsync(
        Guid organisationId, Guid userId, bool approve, string? reason, Actor decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        const string Sql = """
            UPDATE Memberships
            SET Status = @Status, DecidedById = @DecidedById, DecidedAt = @Now, DecisionReason = @Reason, UpdatedAt = @Now, Version = Version + 1
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND Status = @Requested AND Version = @Version
            """;
        var now = DateTimeOffset.UtcNow;
        var status = approve ? MembershipStatus.Approved : MembershipStatus.Refused;
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, userId, organisationId, cancellationToken);
        if (before is not { Status: MembershipStatus.Requested })
        {
            return MembershipChange.NothingToChange;
        }

        await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(Sql, new
        {
            UserId = userId,
            OrganisationId = organisationId,
            Status = status.ToString(),
            DecidedById = decider.Id,
            Now = now,
            Reason = note,
            Requested = nameof(MembershipStatus.Requested),
            before.Version,
        }, transaction, cancellationToken: cancellationToken));
        if (approve)
        {
            // The organisation's page shows its members and their count: cached copies must go.
            await People.EnsureSlugAsync(connection, transaction, userId, cancellationToken);
            await ContentVersion.BumpAsync(connection, transaction, cancellationToken);
        }

        await EventAsync(connection, transaction, userId, organisationId, status, note, decider, now, cancellationToken);
        await AuditAsync(connection, transaction, approve ? "membership.approved" : "membership.refused", organisationId,
            (approve ? "Lidmaatschap goedgekeurd" : "Lidmaatschap afgewezen") + " door " + decider.Name,
            decider, before, new { UserId = userId, Status = status.ToString(), Reason = note }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MembershipChange.Done;
    }

    /// <summary>
    /// A membership ends: the person leaves (<paramref name="actor"/> is the person) or a contact person ends it. Their
    /// contact role goes and their open mandates end now; the last contact person cannot leave without naming another.
    /// </summary>
    public async Task<MembershipChange> EndAsync(Guid organisationId, Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string Sql = """
            UPDATE Memberships
            SET Status = @Ended, IsContactPerson = 0, UpdatedAt = @Now, Version = Version + 1
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND Version = @Version
            """;
        const string EndMandatesSql = """
            UPDATE Mandates SET EndsAt = @Now
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND (EndsAt IS NULL OR EndsAt > @Now)
            """;
        var now = DateTimeOffset.UtcNow;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, userId, organisationId, cancellationToken);
        if (before is not { Status: MembershipStatus.Approved or MembershipStatus.Requested })
        {
            return MembershipChange.NothingToChange;
        }

        if (before.IsContactPerson && await ContactPersonCountAsync(connection, transaction, organisationId, cancellationToken) <= 1)
        {
            return MembershipChange.LastContactPerson;
        }

        var parameters = new { UserId = userId, OrganisationId = organisationId, Ended = nameof(MembershipStatus.Ended), Now = now, before.Version };
        await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(EndMandatesSql, parameters, transaction, cancellationToken: cancellationToken));
        if (before.Status == MembershipStatus.Approved)
        {
            await ContentVersion.BumpAsync(connection, transaction, cancellationToken);
        }

        await EventAsync(connection, transaction, userId, organisationId, MembershipStatus.Ended, null, actor, now, cancellationToken);
        await AuditAsync(connection, transaction, "membership.ended", organisationId,
            (actor.Id == userId ? "Organisatie verlaten door " : "Lidmaatschap beëindigd door ") + actor.Name,
            actor, before, new { UserId = userId, Status = nameof(MembershipStatus.Ended), IsContactPerson = false }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MembershipChange.Done;
    }

    /// <summary>A member's function in the organisation (empty: none).</summary>
    public async Task<MembershipChange> SetJobTitleAsync(Guid organisationId, Guid userId, string? jobTitle, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string Sql = """
            UPDATE Memberships SET JobTitle = @JobTitle, UpdatedAt = @Now, Version = Version + 1
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND Status = @Approved AND Version = @Version
            """;
        var title = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, userId, organisationId, cancellationToken);
        if (before is not { Status: MembershipStatus.Approved } || before.JobTitle == title)
        {
            return MembershipChange.NothingToChange;
        }

        await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(Sql, new
        {
            UserId = userId,
            OrganisationId = organisationId,
            JobTitle = title,
            Now = DateTimeOffset.UtcNow,
            Approved = nameof(MembershipStatus.Approved),
            before.Version,
        }, transaction, cancellationToken: cancellationToken));
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken);
        await AuditAsync(connection, transaction, "membership.function", organisationId, "Functie gewijzigd door " + actor.Name,
            actor, before, new { UserId = userId, JobTitle = title }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MembershipChange.Done;
    }

    /// <summary>
    /// Makes an approved member a contact person, or takes the role away. The last contact person cannot be removed:
    /// they name another first (<see cref="HandOverAsync"/> does both in one step).
    /// </summary>
    public async Task<MembershipChange> SetContactPersonAsync(Guid organisationId, Guid userId, bool isContactPerson, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await SetContactPersonAsync(connection, transaction, organisationId, userId, isContactPerson, actor, cancellationToken);
        if (outcome == MembershipChange.Done)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>A contact person names a successor and steps down, in one transaction.</summary>
    public async Task<MembershipChange> HandOverAsync(Guid organisationId, Guid fromUserId, Guid toUserId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (fromUserId == toUserId)
        {
            return MembershipChange.NothingToChange;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var from = await StateAsync(connection, transaction, fromUserId, organisationId, cancellationToken);
        var to = await StateAsync(connection, transaction, toUserId, organisationId, cancellationToken);
        if (from is not { Status: MembershipStatus.Approved, IsContactPerson: true } || to is not { Status: MembershipStatus.Approved })
        {
            return MembershipChange.NothingToChange;
        }

        if (!to.IsContactPerson)
        {
            await SetContactPersonAsync(connection, transaction, organisationId, toUserId, true, actor, cancellationToken);
        }

        var outcome = await SetContactPersonAsync(connection, transaction, organisationId, fromUserId, false, actor, cancellationToken);
        if (outcome == MembershipChange.Done)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<MembershipChange> SetContactPersonAsync(
        DbConnection connection, DbTransaction transaction, Guid organisationId, Guid userId, bool isContactPerson, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Memberships SET IsContactPerson = @IsContactPerson, UpdatedAt = @Now, Version = Version + 1
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND Status = @Approved AND Version = @Version
            """;
        var before = await StateAsync(connection, transaction, userId, organisationId, cancellationToken);
        if (before is not { Status: MembershipStatus.Approved } || before.IsContactPerson == isContactPerson)
        {
            return MembershipChange.NothingToChange;
        }

        if (!isContactPerson && await ContactPersonCountAsync(connection, transaction, organisationId, cancellationToken) <= 1)
        {
            return MembershipChange.LastContactPerson;
        }

        await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(Sql, new
        {
            UserId = userId,
            OrganisationId = organisationId,
            IsContactPerson = isContactPerson,
            Now = DateTimeOffset.UtcNow,
            Approved = nameof(MembershipStatus.Approved),
            before.Version,
        }, transaction, cancellationToken: cancellationToken));
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken);
        await AuditAsync(connection, transaction, isContactPerson ? "membership.contact-added" : "membership.contact-removed", organisationId,
            (isContactPerson ? "Contactpersoon benoemd door " : "Contactpersoon teruggetreden of verwijderd door ") + actor.Name,
            actor, before, new { UserId = userId, IsContactPerson = isContactPerson }, cancellationToken);
        return MembershipChange.Done;
    }

    /// <summary>
    /// Records that an approved member may endorse on the organisation's behalf, from <paramref name="startsAt"/> until
    /// <paramref name="endsAt"/> (open-ended when null; an end in the past is refused).
    /// </summary>
    public async Task<MembershipChange> RecordMandateAsync(
        Guid organisationId, Guid userId, MandateKind kind, DateTimeOffset startsAt, DateTimeOffset? endsAt, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string Sql = """
            INSERT INTO Mandates (Id, UserId, OrganisationId, Kind, StartsAt, EndsAt, RecordedById, RecordedAt)
            VALUES (@Id, @UserId, @OrganisationId, @Kind, @StartsAt, @EndsAt, @RecordedById, @Now)
            """;
        var now = DateTimeOffset.UtcNow;
        if (endsAt is { } end && (end <= now || end <= startsAt))
        {
            return MembershipChange.EndInPast;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var member = await StateAsync(connection, transaction, userId, organisationId, cancellationToken);
        if (member is not { Status: MembershipStatus.Approved })
        {
            return MembershipChange.NothingToChange;
        }

        var id = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = id,
            UserId = userId,
            OrganisationId = organisationId,
            Kind = kind.ToString(),
            StartsAt = startsAt,
            EndsAt = endsAt,
            RecordedById = actor.Id,
            Now = now,
        }, transaction, cancellationToken: cancellationToken));
        await AuditAsync(connection, transaction, "mandate.recorded", organisationId, "Mandaat vastgelegd door " + actor.Name,
            actor, null, new { MandateId = id, UserId = userId, Kind = kind.ToString(), StartsAt = startsAt, EndsAt = endsAt }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MembershipChange.Done;
    }

    /// <summary>Ends a current mandate now; the record stays (endorsements given under it keep their footing).</summary>
    public async Task<MembershipChange> EndMandateAsync(Guid organisationId, Guid mandateId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string FindSql = """
            SELECT UserId, Kind, StartsAt, EndsAt FROM Mandates
            WHERE Id = @Id AND OrganisationId = @OrganisationId AND (EndsAt IS NULL OR EndsAt > @Now)
            """;
        const string Sql = """
            UPDATE Mandates SET EndsAt = @Now
            WHERE Id = @Id AND OrganisationId = @OrganisationId AND (EndsAt IS NULL OR EndsAt > @Now)
            """;
        var parameters = new { Id = mandateId, OrganisationId = organisationId, Now = DateTimeOffset.UtcNow };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<MandateRow>(new CommandDefinition(FindSql, parameters, transaction, cancellationToken: cancellationToken));
        if (before is null || await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return MembershipChange.NothingToChange;
        }

        await AuditAsync(connection, transaction, "mandate.ended", organisationId, "Mandaat beëindigd door " + actor.Name,
            actor, before, new { MandateId = mandateId, before.UserId, before.Kind, before.StartsAt, EndsAt = parameters.Now }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MembershipChange.Done;
    }

    private sealed record MandateRow
    {
        public Guid UserId { get; init; }

        public string Kind { get; init; } = "";

        public DateTimeOffset StartsAt { get; init; }

        public DateTimeOffset? EndsAt { get; init; }
    }

    private static Task<State?> StateAsync(DbConnection connection, DbTransaction transaction, Guid userId, Guid organisationId, CancellationToken cancellationToken)
        => connection.QuerySingleOrDefaultAsync<State>(new CommandDefinition(
            StateSql, new { UserId = userId, OrganisationId = organisationId }, transaction, cancellationToken: cancellationToken));

    private static Task<int> ContactPersonCountAsync(DbConnection connection, DbTransaction transaction, Guid organisationId, CancellationToken cancellationToken)
        => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            ContactPersonCountSql, new { OrganisationId = organisationId, Approved = nameof(MembershipStatus.Approved) }, transaction, cancellationToken: cancellationToken));

    private static Task EventAsync(
        DbConnection connection, DbTransaction transaction, Guid userId, Guid organisationId, MembershipStatus status, string? note, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(EventSql, new
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            OrganisationId = organisationId,
            Status = status.ToString(),
            Note = note,
            ActorId = actor.Id,
            ActorName = actor.Name,
            OccurredAt = now,
        }, transaction, cancellationToken: cancellationToken));

    private static Task AuditAsync(
        DbConnection connection, DbTransaction transaction, string action, Guid organisationId, string summary, Actor actor,
        object? before, object after, CancellationToken cancellationToken)
        => AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            action, "Organisation", organisationId, summary, actor.Id, actor.Name,
            before is null ? null : JsonSerializer.Serialize(before, AuditJson), JsonSerializer.Serialize(after, AuditJson)), cancellationToken);
}
