using System.Data.Common;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;

namespace KennisHub.Core.Identity;

/// <summary>One signed-in session as its owner sees it on Profiel.</summary>
public sealed record SessionSummary(Guid Id, string? UserAgent, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt);

/// <summary>
/// The stored ticket of a session, as the cookie handler needs it on every request. <paramref name="HasItemRights"/>:
/// the person may change particular items (an Active co-author of a theme or article, a contact person of an
/// organisation), so pages may show them controls no one else of their role sees; read in the same statement, so it
/// is current on every request without a round trip of its own.
/// </summary>
public sealed record StoredSession(Guid Id, Guid UserId, string Ticket, DateTimeOffset LastSeenAt, bool RefreshPrincipal, bool HasItemRights = false);

/// <summary>
/// Server-side sessions (table Sessions): the web's ticket store keeps each signed-in session's protected ticket
/// here, the cookie holds only the id. Deleting a row ends that session at once on every instance.
/// </summary>
public sealed class UserSessions(Db db)
{
    /// <summary>Longest User-Agent kept; the rest says nothing a person would recognise.</summary>
    public const int UserAgentLength = 512;

    public async Task CreateAsync(Guid id, Guid userId, string ticket, string? userAgent, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        const string InsertSql = """
            INSERT INTO Sessions (Id, UserId, Ticket, UserAgent, SignedInAt, LastSeenAt, ExpiresAt, RefreshPrincipal)
            VALUES (@Id, @UserId, @Ticket, @UserAgent, @Now, @Now, @ExpiresAt, 0)
            """;

        // Sign-ins are rare next to requests: a good moment to forget sessions that ended by timing out.
        const string PruneSql = "DELETE FROM Sessions WHERE ExpiresAt < @Now";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PruneSql, new { Now = now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = id,
            UserId = userId,
            Ticket = ticket,
            UserAgent = userAgent is { Length: > UserAgentLength } ? userAgent[..UserAgentLength] : userAgent,
            Now = now,
            ExpiresAt = expiresAt,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The session, unless it ended (signed out, revoked or past its expiry).</summary>
    public async Task<StoredSession?> FindAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT s.Id, s.UserId, s.Ticket, s.LastSeenAt, s.RefreshPrincipal,
                   CASE WHEN EXISTS (SELECT 1 FROM Coauthors c WHERE c.UserId = s.UserId AND c.Status = 'Active')
                          OR EXISTS (SELECT 1 FROM Memberships m WHERE m.UserId = s.UserId AND m.IsContactPerson = 1)
                        THEN 1 ELSE 0 END AS HasItemRights
            FROM Sessions s
            WHERE s.Id = @Id AND s.ExpiresAt > @Now
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(Sql, new { Id = id, Now = now }, cancellationToken: cancellationToken));
        return row is null ? null : new StoredSession(row.Id, row.UserId, row.Ticket, row.LastSeenAt, row.RefreshPrincipal, row.HasItemRights);
    }

    /// <summary>
    /// A renewed ticket (sliding expiry, refreshed principal) for the same person; clears the refresh request.
    /// False when the session is gone or belongs to someone else: the caller must not keep using that id.
    /// </summary>
    public async Task<bool> RenewAsync(Guid id, Guid userId, string ticket, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Sessions SET Ticket = @Ticket, LastSeenAt = @Now, ExpiresAt = @ExpiresAt, RefreshPrincipal = 0
            WHERE Id = @Id AND UserId = @UserId
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, UserId = userId, Ticket = ticket, Now = now, ExpiresAt = expiresAt }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Marks the session as seen now (the ticket store calls this at most once per interval, not per request).</summary>
    public async Task TouchAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = "UPDATE Sessions SET LastSeenAt = @Now WHERE Id = @Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, Now = now }, cancellationToken: cancellationToken));
    }

    /// <summary>Signing out: the session row goes, so a replayed cookie finds nothing.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        const string Sql = "DELETE FROM Sessions WHERE Id = @Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>The person's sessions that have not ended, most recently seen first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT Id, UserAgent, SignedInAt, LastSeenAt
            FROM Sessions
            WHERE UserId = @UserId AND ExpiresAt > @Now
            ORDER BY LastSeenAt DESC, Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(Sql, new { UserId = userId, Now = now }, cancellationToken: cancellationToken));
        return rows.Select(r => new SessionSummary(r.Id, r.UserAgent, r.SignedInAt, r.LastSeenAt)).ToList();
    }

    /// <summary>The owner ends one of their own sessions (from Profiel); false when it was not theirs or already gone.</summary>
    public async Task<bool> EndOwnSessionAsync(Guid userId, Guid sessionId, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = "DELETE FROM Sessions WHERE Id = @Id AND UserId = @UserId";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = sessionId, UserId = userId }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.session-ended", "User", userId, "Sessie beëindigd", actor.Id, actor.Name), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Ends every session of the person except <paramref name="keep"/> (the one making the change), with one audit
    /// line: after a password change or reset, a change to two-step verification, or "overal uitloggen".
    /// </summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? keep, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await EndAllAsync(connection, transaction, userId, keep, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, audit with { NewValue = audit.NewValue ?? ended.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    /// <summary>Inside a caller's transaction (a rejection, an erasure, a Beheerder's "overal uitloggen").</summary>
    public static Task<int> EndAllAsync(DbConnection connection, DbTransaction transaction, Guid userId, Guid? keep, CancellationToken cancellationToken)
    {
        const string Sql = "DELETE FROM Sessions WHERE UserId = @UserId AND Id <> @Keep";
        return connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = userId, Keep = keep ?? Guid.Empty }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inside a caller's transaction: the person's sessions rebuild their principal (roles, claims) from the database
    /// on their next request. Used when a role is given or removed, so it takes effect without signing in again.
    /// </summary>
    public static Task<int> RequestRefreshAsync(DbConnection connection, DbTransaction transaction, Guid userId, CancellationToken cancellationToken)
    {
        const string Sql = "UPDATE Sessions SET RefreshPrincipal = 1 WHERE UserId = @UserId";
        return connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = userId }, transaction, cancellationToken: cancellationToken));
    }

    // Classes with setters: Dapper applies the Guid and time type handlers to properties only.
    private sealed class SessionRow
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        public string Ticket { get; set; } = "";

        public DateTimeOffset LastSeenAt { get; set; }

        public bool RefreshPrincipal { get; set; }

        public bool HasItemRights { get; set; }
    }

    private sealed class SummaryRow
    {
        public Guid Id { get; set; }

        public string? UserAgent { get; set; }

        public DateTimeOffset SignedInAt { get; set; }

        public DateTimeOffset LastSeenAt { get; set; }
    }
}
