using System.Data.Common;
using System.Text.Json;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Network;

/// <summary>Which kinds of organisation gather other organisations as members (a network, an association such as the VNG).</summary>
public static class NetworkKinds
{
    public static bool HasMembers(OrganisationKind kind) => kind is OrganisationKind.Network or OrganisationKind.Government;
}

/// <summary>One current relation as a list shows it: the other organisation and the since-date.</summary>
public sealed record NetworkRelation
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required OrganisationKind Kind { get; init; }

    public string? Province { get; init; }

    /// <summary>Midnight UTC of the Dutch calendar day the relation started; null when no public source gives it.</summary>
    public DateTimeOffset? Since { get; init; }

    public string? Source { get; init; }
}

/// <summary>What the importer did with one line of content/netwerken.csv.</summary>
public enum RelationImport
{
    Added,
    Updated,
    Unchanged,

    /// <summary>The site added or ended this relation since: the file does not overwrite that.</summary>
    KeptBySite,
}

/// <summary>What adding or ending a relation came to.</summary>
public enum RelationChange
{
    Done,
    AlreadyMember,
    NotMember,
    SameOrganisation,
}

/// <summary>
/// The write side of network relations (NetworkMemberships): an organisation joins a network since a date, or its
/// membership ends (EndedAt; the row stays, so the history does). One short transaction each, with the audit line
/// carrying the row before and after, and the content version (organisation pages and /netwerk show relations). What
/// the site writes is marked EditedInSite, and <see cref="ImportAsync"/> leaves such rows alone.
/// </summary>
public sealed class NetworkWrites(Db db)
{
    private const string StateSql = """
        SELECT Since, Source, EndedAt, EditedInSite FROM NetworkMemberships
        WHERE NetworkId = @NetworkId AND MemberId = @MemberId
        """;

    private const string InsertSql = """
        INSERT INTO NetworkMemberships (NetworkId, MemberId, Since, Source, EndedAt, EditedInSite)
        VALUES (@NetworkId, @MemberId, @Since, @Source, NULL, @EditedInSite)
        """;

    private const string RenewSql = """
        UPDATE NetworkMemberships
        SET Since = @Since, Source = @Source, EndedAt = NULL, EditedInSite = @EditedInSite
        WHERE NetworkId = @NetworkId AND MemberId = @MemberId
        """;

    public const int MaxSource = 500;

    /// <summary>The row as the audit log records it.</summary>
    public sealed record RelationState
    {
        public DateTimeOffset? Since { get; init; }

        public string? Source { get; init; }

        public DateTimeOffset? EndedAt { get; init; }

        public bool EditedInSite { get; init; }
    }

    /// <summary>A Beheerder or a contact person of the network records that <paramref name="memberId"/> is a member.</summary>
    public async Task<RelationChange> AddAsync(
        Guid networkId, Guid memberId, DateTimeOffset? since, string? source, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (networkId == memberId)
        {
            return RelationChange.SameOrganisation;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, networkId, memberId, cancellationToken);
        if (before is { EndedAt: null })
        {
            return RelationChange.AlreadyMember;
        }

        var after = new RelationState { Since = since, Source = Clean(source), EditedInSite = true };
        await WriteAsync(connection, transaction, networkId, memberId, before, after, cancellationToken);
        await AuditAsync(connection, transaction, "network.relation.added", networkId, memberId, "Netwerklid toegevoegd door " + actor.Name,
            actor.Id, actor.Name, before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RelationChange.Done;
    }

    /// <summary>Ends a current membership of the network (kept as history, never deleted).</summary>
    public async Task<RelationChange> EndAsync(Guid networkId, Guid memberId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string Sql = """
            UPDATE NetworkMemberships SET EndedAt = @Now, EditedInSite = 1
            WHERE NetworkId = @NetworkId AND MemberId = @MemberId AND EndedAt IS NULL
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, networkId, memberId, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        if (before is not { EndedAt: null }
            || await connection.ExecuteAsync(new CommandDefinition(Sql, new { NetworkId = networkId, MemberId = memberId, Now = now }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return RelationChange.NotMember;
        }

        await AuditAsync(connection, transaction, "network.relation.ended", networkId, memberId, "Netwerklidmaatschap beëindigd door " + actor.Name,
            actor.Id, actor.Name, before, before with { EndedAt = now, EditedInSite = true }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RelationChange.Done;
    }

    /// <summary>
    /// The importer's write, inside its transaction: adds a relation content/ states, or brings its since-date and
    /// source in line with the file, unless the site added or ended it (EditedInSite): then the site's word stands.
    /// </summary>
    public static async Task<RelationImport> ImportAsync(
        DbConnection connection, DbTransaction transaction, Guid networkId, Guid memberId, DateTimeOffset? since, string? source, string actorName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var before = await StateAsync(connection, transaction, networkId, memberId, cancellationToken).ConfigureAwait(false);
        var after = new RelationState { Since = since, Source = Clean(source), EditedInSite = false };
        if (before is { EditedInSite: true })
        {
            return RelationImport.KeptBySite;
        }

        if (before == after)
        {
            return RelationImport.Unchanged;
        }

        await WriteAsync(connection, transaction, networkId, memberId, before, after, cancellationToken).ConfigureAwait(false);
        await AuditAsync(connection, transaction, before is null ? "network.relation.added" : "network.relation.updated", networkId, memberId,
            "Netwerkrelatie geïmporteerd", null, actorName, before, after, cancellationToken).ConfigureAwait(false);
        return before is null ? RelationImport.Added : RelationImport.Updated;
    }

    private static string? Clean(string? source) => string.IsNullOrWhiteSpace(source) ? null : source.Trim();

    private static Task<RelationState?> StateAsync(DbConnection connection, DbTransaction transaction, Guid networkId, Guid memberId, CancellationToken cancellationToken)
        => connection.QuerySingleOrDefaultAsync<RelationState?>(new CommandDefinition(
            StateSql, new { NetworkId = networkId, MemberId = memberId }, transaction, cancellationToken: cancellationToken));

    private static Task WriteAsync(
        DbConnection connection, DbTransaction transaction, Guid networkId, Guid memberId, RelationState? before, RelationState after, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(before is null ? InsertSql : RenewSql, new
        {
            NetworkId = networkId,
            MemberId = memberId,
            after.Since,
            after.Source,
            after.EditedInSite,
        }, transaction, cancellationToken: cancellationToken));

    private static async Task AuditAsync(
        DbConnection connection, DbTransaction transaction, string action, Guid networkId, Guid memberId, string summary, Guid? actorId, string actorName,
        RelationState? before, RelationState after, CancellationToken cancellationToken)
    {
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            action, "Organisation", networkId, summary, actorId, actorName,
            before is null ? null : JsonSerializer.Serialize(new { MemberId = memberId, State = before }),
            JsonSerializer.Serialize(new { MemberId = memberId, State = after })), cancellationToken).ConfigureAwait(false);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The read side of network relations. Relations between organisations are public, like the organisations.</summary>
public sealed class NetworkQueries(Db db)
{
    private const string OrganisationColumns = "o.Id, o.Slug, o.Name, o.Kind, o.Province, n.Since, n.Source";

    /// <summary>One page of a network's current members, by name.</summary>
    public async Task<ListPage<NetworkRelation>> MembersAsync(Guid networkId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT " + OrganisationColumns + """

            FROM NetworkMemberships n
            INNER JOIN Organisations o ON o.Id = n.MemberId
            WHERE n.NetworkId = @NetworkId AND n.EndedAt IS NULL
            ORDER BY o.Name, o.Slug
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryListPageAsync<NetworkRelation>(db.Dialect.Page(Sql), new { NetworkId = networkId }, page, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The networks an organisation is a current member of, by name (IX_NetworkMemberships_MemberId).</summary>
    public async Task<IReadOnlyList<NetworkRelation>> NetworksOfAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT " + OrganisationColumns + """

            FROM NetworkMemberships n
            INNER JOIN Organisations o ON o.Id = n.NetworkId
            WHERE n.MemberId = @MemberId AND n.EndedAt IS NULL
            ORDER BY o.Name, o.Slug
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<NetworkRelation>(new CommandDefinition(Sql, new { MemberId = memberId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>An organisation by slug or by exact name (a form's free field), or null.</summary>
    public async Task<OrganisationSummary?> FindOrganisationAsync(string slugOrName, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Id, Slug, Name, Kind, Province, Inhabitants FROM Organisations
            WHERE Slug = @Slug OR Name = @Name
            ORDER BY Slug
            """;
        var text = slugOrName.Trim();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryFirstOrDefaultAsync<OrganisationSummary>(new CommandDefinition(
            Sql, new { Slug = text.ToLowerInvariant(), Name = text }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
