using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Organisations;

/// <summary>
/// The read side of memberships: a person's own, an organisation's members and applicants (for its contact persons
/// and Beheerders only: pages ask the authorization handler first), and who may speak for it.
/// </summary>
public sealed class MembershipQueries(Db db)
{
    private const string MandateSelect = """
        SELECT d.Id, d.UserId, u.DisplayName, d.Kind, d.StartsAt, d.EndsAt, d.RecordedAt
        FROM Mandates d
        INNER JOIN Users u ON u.Id = d.UserId
        """;

    /// <summary>The person's memberships and requests, with their outcomes, newest first.</summary>
    public async Task<IReadOnlyList<MyMembership>> ForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT m.OrganisationId, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, m.Status, m.JobTitle, m.IsContactPerson,
                   m.Motivation, m.DecisionReason, m.DecidedAt, m.CreatedAt
            FROM Memberships m
            INNER JOIN Organisations o ON o.Id = m.OrganisationId
            WHERE m.UserId = @UserId
            ORDER BY m.CreatedAt DESC, o.Name
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MyMembership>(new CommandDefinition(Sql, new { UserId = userId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The approved members and the open requests of one organisation, by name (IX_Memberships_OrganisationId_Status).</summary>
    public async Task<IReadOnlyList<OrganisationMember>> MembersAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT m.UserId, u.DisplayName, u.Slug AS PersonSlug, m.Status, m.JobTitle, m.IsContactPerson, m.Motivation, m.CreatedAt
            FROM Memberships m
            INNER JOIN Users u ON u.Id = m.UserId
            WHERE m.OrganisationId = @OrganisationId AND m.Status IN (@Approved, @Requested)
            ORDER BY u.DisplayName, m.UserId
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrganisationMember>(new CommandDefinition(Sql, new
        {
            OrganisationId = organisationId,
            Approved = nameof(MembershipStatus.Approved),
            Requested = nameof(MembershipStatus.Requested),
        }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Whether the person is an approved contact person of the organisation (a primary-key seek).</summary>
    public async Task<bool> IsContactPersonAsync(Guid userId, Guid organisationId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT COUNT(*) FROM Memberships
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId AND IsContactPerson = 1 AND Status = @Approved
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new
        {
            UserId = userId,
            OrganisationId = organisationId,
            Approved = nameof(MembershipStatus.Approved),
        }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The organisation's mandates, current first, then ended ones (kept as record).</summary>
    public async Task<IReadOnlyList<Mandate>> MandatesAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        const string Sql = MandateSelect + "\n" + """
            WHERE d.OrganisationId = @OrganisationId
            ORDER BY d.RecordedAt DESC, d.Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Mandate>(new CommandDefinition(Sql, new { OrganisationId = organisationId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The mandate under which the person may speak for the organisation at <paramref name="moment"/>, or null: one seek
    /// on IX_Mandates_UserId_OrganisationId, and the membership must still be approved. Joint positions ask this.
    /// </summary>
    public async Task<Mandate?> ValidMandateAsync(Guid userId, Guid organisationId, DateTimeOffset moment, CancellationToken cancellationToken = default)
    {
        const string Sql = MandateSelect + "\n" + """
            INNER JOIN Memberships m ON m.UserId = d.UserId AND m.OrganisationId = d.OrganisationId AND m.Status = @Approved
            WHERE d.UserId = @UserId AND d.OrganisationId = @OrganisationId AND d.StartsAt <= @Moment AND (d.EndsAt IS NULL OR d.EndsAt > @Moment)
            ORDER BY d.StartsAt DESC, d.Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<Mandate>(new CommandDefinition(Sql, new
        {
            UserId = userId,
            OrganisationId = organisationId,
            Moment = moment,
            Approved = nameof(MembershipStatus.Approved),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Every request, decision and departure of one person at one organisation, oldest first.</summary>
    public async Task<IReadOnlyList<MembershipEvent>> HistoryAsync(Guid userId, Guid organisationId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Status, Note, ActorName, OccurredAt
            FROM MembershipEvents
            WHERE UserId = @UserId AND OrganisationId = @OrganisationId
            ORDER BY OccurredAt, Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MembershipEvent>(new CommandDefinition(
            Sql, new { UserId = userId, OrganisationId = organisationId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
