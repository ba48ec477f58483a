using System.Data.Common;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Identity;

/// <summary>One account as the Beheerder sees it on /beheer/accounts.</summary>
public sealed record AccountSummary(
    Guid Id,
    string DisplayName,
    string? Email,
    ApprovalStatus ApprovalStatus,
    DateTimeOffset CreatedAt,
    string? Organisation,
    IReadOnlyList<string> Roles);

/// <summary>Where mail about an account goes. Settable properties: Dapper maps them by name.</summary>
public sealed class MailRecipient
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>"nl", "en", or null when unknown (then the mail is Dutch).</summary>
    public string? Language { get; set; }
}

/// <summary>Who makes a change (written to the audit log).</summary>
public sealed record Actor(Guid Id, string Name);

public enum AccountChange
{
    Done,
    NothingToChange,
    NotAllowed,
}

/// <summary>
/// Approving, rejecting, changing roles and ending someone's sessions. Each change runs in one transaction with its
/// audit line. A role given or removed (approval gives Netwerklid) marks the person's sessions for a refresh, so the
/// change takes effect on their next request; a rejection or "overal uitloggen" ends every session and renews the
/// security stamp.
/// </summary>
public sealed class AccountAdministration(Db db)
{
    /// <summary>
    /// One page of the accounts whose name or e-mail address contains <paramref name="search"/> (every account when
    /// it is empty), oldest first, with the total for the pager.
    /// </summary>
    public async Task<PagedList<AccountSummary>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        // LIKE ignores case for ASCII on SQLite and for everything under SQL Server's _CI_ collation.
        const string Sql = """
            SELECT u.Id, u.DisplayName, u.Email, u.ApprovalStatus, u.CreatedAt,
                (SELECT MIN(c.ClaimValue) FROM UserClaims c WHERE c.UserId = u.Id AND c.ClaimType = @OrganisationClaim) AS Organisation,
                CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount
            FROM Users u
            WHERE @Pattern IS NULL OR u.DisplayName LIKE @Pattern ESCAPE '\' OR u.Email LIKE @Pattern ESCAPE '\'
            ORDER BY u.CreatedAt, u.Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryPageAsync<UserRow>(
            db.Dialect.Page(Sql),
            new
            {
                OrganisationClaim = KennisHubClaimTypes.Organisation,
                Pattern = LikePattern.Containing(search),
                Skip = PagedList<UserRow>.Skip(page, pageSize),
                Take = pageSize,
            },
            page, pageSize, cancellationToken);
        return new PagedList<AccountSummary>(await WithRolesAsync(connection, rows.Items, cancellationToken), rows.TotalCount, page, pageSize);
    }

    /// <summary>How many accounts wait for approval (the Beheer overview).</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT COUNT(*) FROM Users WHERE ApprovalStatus = @Pending";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new { Pending = nameof(ApprovalStatus.Pending) }, cancellationToken: cancellationToken));
    }

    /// <summary>One account as the Beheerder sees it (the confirmation step), or null.</summary>
    public async Task<AccountSummary?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT u.Id, u.DisplayName, u.Email, u.ApprovalStatus, u.CreatedAt,
                (SELECT MIN(c.ClaimValue) FROM UserClaims c WHERE c.UserId = u.Id AND c.ClaimType = @OrganisationClaim) AS Organisation
            FROM Users u
            WHERE u.Id = @Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            Sql, new { Id = userId, OrganisationClaim = KennisHubClaimTypes.Organisation }, cancellationToken: cancellationToken));
        return row is null ? null : (await WithRolesAsync(connection, [row], cancellationToken))[0];
    }

    /// <summary>Where mail about this account goes: its address, name and language (null: unknown).</summary>
    public async Task<MailRecipient?> RecipientAsync(Guid userId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT u.Email, u.DisplayName, u.PreferredLanguage AS Language
            FROM Users u
            WHERE u.Id = @Id AND u.Email IS NOT NULL
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailRecipient>(new CommandDefinition(Sql, new { Id = userId }, cancellationToken: cancellationToken));
    }

    /// <summary>The approved Beheerders who want a mail when an account request arrives.</summary>
    public async Task<IReadOnlyList<MailRecipient>> AccountRequestRecipientsAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT u.Email, u.DisplayName, u.PreferredLanguage AS Language
            FROM Users u
            WHERE u.Email IS NOT NULL AND u.ApprovalStatus = @Approved AND u.NotifyOnAccountRequests = 1
                AND EXISTS (SELECT 1 FROM UserRoles ur INNER JOIN Roles r ON r.Id = ur.RoleId WHERE ur.UserId = u.Id AND r.NormalizedName = @Administrator)
            ORDER BY u.Email
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MailRecipient>(new CommandDefinition(Sql, new
        {
            Approved = nameof(ApprovalStatus.Approved),
            Administrator = RoleNames.Administrator.ToUpperInvariant(),
        }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Whether this Beheerder gets a mail for each new account request (on unless they switched it off).</summary>
    public async Task<bool> NotifiesOnAccountRequestsAsync(Guid userId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT NotifyOnAccountRequests FROM Users WHERE Id = @Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(Sql, new { Id = userId }, cancellationToken: cancellationToken)) ?? false;
    }

    /// <summary>A Beheerder switches the mail about new account requests on or off for themselves (audited).</summary>
    public async Task<AccountChange> SetNotifyOnAccountRequestsAsync(Actor actor, bool notify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string Sql = """
            UPDATE Users SET NotifyOnAccountRequests = @Notify
            WHERE Id = @Id AND NotifyOnAccountRequests <> @Notify
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new { actor.Id, Notify = notify }, transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return AccountChange.NothingToChange;
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.notifications-changed", "User", actor.Id, notify ? "Mail bij nieuwe aanvragen aangezet" : "Mail bij nieuwe aanvragen uitgezet",
            actor.Id, actor.Name, (!notify).ToString(), notify.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>Every account awaiting approval, oldest first (the Beheerder's work list).</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListPendingAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT u.Id, u.DisplayName, u.Email, u.ApprovalStatus, u.CreatedAt,
                (SELECT MIN(c.ClaimValue) FROM UserClaims c WHERE c.UserId = u.Id AND c.ClaimType = @OrganisationClaim) AS Organisation
            FROM Users u
            WHERE u.ApprovalStatus = @Pending
            ORDER BY u.CreatedAt, u.Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            Sql, new { OrganisationClaim = KennisHubClaimTypes.Organisation, Pending = nameof(ApprovalStatus.Pending) }, cancellationToken: cancellationToken));
        return await WithRolesAsync(connection, rows.AsList(), cancellationToken);
    }

    private static async Task<IReadOnlyList<AccountSummary>> WithRolesAsync(DbConnection connection, IReadOnlyList<UserRow> users, CancellationToken cancellationToken)
    {
        const string RolesSql = """
            SELECT ur.UserId, r.Name FROM UserRoles ur INNER JOIN Roles r ON r.Id = ur.RoleId
            WHERE ur.UserId IN @UserIds
            ORDER BY r.Name
            """;
        if (users.Count == 0)
        {
            return [];
        }

        // Dapper expands a list parameter without the Guid type handler: pass the ids as text, as SQLite stores them
        // (SQL Server converts the text to uniqueidentifier).

        var roles = (await connection.QueryAsync<RoleRow>(new CommandDefinition(RolesSql, new { UserIds = users.Select(u => u.Id.ToString("D")).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.UserId, r => r.Name);
        return users.Select(u => new AccountSummary(u.Id, u.DisplayName, u.Email, Enum.Parse<ApprovalStatus>(u.ApprovalStatus), u.CreatedAt, u.Organisation, roles[u.Id].ToList())).ToList();
    }

    /// <summary>A pending (or rejected) account becomes Approved and gets Netwerklid.</summary>
    public async Task<AccountChange> ApproveAsync(Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Users SET ApprovalStatus = @Approved, ConcurrencyStamp = @ConcurrencyStamp
            WHERE Id = @Id AND ApprovalStatus <> @Approved
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = userId,
            Approved = nameof(ApprovalStatus.Approved),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        }, transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return AccountChange.NothingToChange;
        }

        await InsertRoleAsync(connection, transaction, userId, RoleNames.NetworkMember, cancellationToken);
        await UserSessions.RequestRefreshAsync(connection, transaction, userId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.approved", "User", userId, "Account goedgekeurd", actor.Id, actor.Name, null, RoleNames.NetworkMember), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>A pending account is refused: it keeps no role and cannot sign in.</summary>
    public async Task<AccountChange> RejectAsync(Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        if (userId == actor.Id)
        {
            return AccountChange.NotAllowed;
        }

        const string Sql = """
            UPDATE Users SET ApprovalStatus = @Rejected, SecurityStamp = @SecurityStamp, ConcurrencyStamp = @ConcurrencyStamp
            WHERE Id = @Id AND ApprovalStatus <> @Rejected
            """;
        const string RemoveRolesSql = "DELETE FROM UserRoles WHERE UserId = @UserId";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = userId,
            Rejected = nameof(ApprovalStatus.Rejected),
            SecurityStamp = NewStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        }, transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return AccountChange.NothingToChange;
        }

        await connection.ExecuteAsync(new CommandDefinition(RemoveRolesSql, new { UserId = userId }, transaction, cancellationToken: cancellationToken));
        await UserSessions.EndAllAsync(connection, transaction, userId, keep: null, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.rejected", "User", userId, "Account afgewezen", actor.Id, actor.Name), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>Adds a role to an approved account.</summary>
    public async Task<AccountChange> AddRoleAsync(Guid userId, string roleName, Actor actor, CancellationToken cancellationToken)
    {
        if (!RoleNames.All.Contains(roleName))
        {
            return AccountChange.NotAllowed;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await IsApprovedAsync(connection, transaction, userId, cancellationToken))
        {
            return AccountChange.NotAllowed;
        }

        if (await InsertRoleAsync(connection, transaction, userId, roleName, cancellationToken) == 0)
        {
            return AccountChange.NothingToChange;
        }

        await UserSessions.RequestRefreshAsync(connection, transaction, userId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.role-added", "User", userId, "Rol toegekend", actor.Id, actor.Name, null, roleName), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>Removes a role. A Beheerder cannot take away their own Beheerder role (the site would lose its last one).</summary>
    public async Task<AccountChange> RemoveRoleAsync(Guid userId, string roleName, Actor actor, CancellationToken cancellationToken)
    {
        if (!RoleNames.All.Contains(roleName) || (userId == actor.Id && roleName == RoleNames.Administrator))
        {
            return AccountChange.NotAllowed;
        }

        const string Sql = """
            DELETE FROM UserRoles
            WHERE UserId = @UserId AND RoleId IN (SELECT Id FROM Roles WHERE NormalizedName = @NormalizedName)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = userId, NormalizedName = roleName.ToUpperInvariant() }, transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return AccountChange.NothingToChange;
        }

        await UserSessions.RequestRefreshAsync(connection, transaction, userId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.role-removed", "User", userId, "Rol ingetrokken", actor.Id, actor.Name, roleName, null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>"Overal uitloggen": every session of the account ends at once and the security stamp is renewed.</summary>
    public async Task<AccountChange> SignOutEverywhereAsync(Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await RenewStampAsync(connection, transaction, userId, cancellationToken) == 0)
        {
            return AccountChange.NothingToChange;
        }

        var ended = await UserSessions.EndAllAsync(connection, transaction, userId, keep: null, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.signed-out-everywhere", "User", userId, "Overal uitgelogd door een beheerder", actor.Id, actor.Name, null,
            ended.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountChange.Done;
    }

    private static async Task<bool> IsApprovedAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Guid userId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT COUNT(*) FROM Users WHERE Id = @Id AND ApprovalStatus = @Approved";
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new { Id = userId, Approved = nameof(ApprovalStatus.Approved) }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    private static Task<int> InsertRoleAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Guid userId, string roleName, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO UserRoles (UserId, RoleId)
            SELECT @UserId, r.Id FROM Roles r
            WHERE r.NormalizedName = @NormalizedName
                AND NOT EXISTS (SELECT 1 FROM UserRoles ur WHERE ur.UserId = @UserId AND ur.RoleId = r.Id)
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = userId, NormalizedName = roleName.ToUpperInvariant() }, transaction, cancellationToken: cancellationToken));
    }

    private static Task<int> RenewStampAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Guid userId, CancellationToken cancellationToken)
    {
        const string Sql = "UPDATE Users SET SecurityStamp = @SecurityStamp, ConcurrencyStamp = @ConcurrencyStamp WHERE Id = @Id";
        return connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = userId, SecurityStamp = NewStamp(), ConcurrencyStamp = Guid.NewGuid().ToString() }, transaction, cancellationToken: cancellationToken));
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    // Classes with setters, not positional records: Dapper applies the Guid and time type handlers to properties only.
    private sealed class UserRow
    {
        public Guid Id { get; set; }

        public string DisplayName { get; set; } = "";

        public string? Email { get; set; }

        public string ApprovalStatus { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public string? Organisation { get; set; }
    }

    private sealed class RoleRow
    {
        public Guid UserId { get; set; }

        public string Name { get; set; } = "";
    }
}
