using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>
/// Identity's user store on Dapper: a thin shell over <see cref="UserStoreBase{TUser,TRole,TKey,TUserClaim,TUserRole,TUserLogin,TUserToken,TRoleClaim}"/>
/// with portable SQL next to each method. Users are updated with a ConcurrencyStamp check. Two hardening changes
/// over the base class: recovery codes are stored as SHA-256 hashes only, and authenticator time steps are
/// remembered so a TOTP code works once.
/// </summary>
public sealed class DapperUserStore(Db db, IdentityErrorDescriber? describer = null)
    : UserStoreBase<KennisHubUser, KennisHubRole, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityRoleClaim<Guid>>(describer ?? new IdentityErrorDescriber()),
      IAuthenticatorTimeStepStore
{
    private const string KennisHubTokenProvider = "[KennisHub]";
    private const string RecoveryCodeHashesName = "RecoveryCodeHashes";

    /// <summary>Not supported: pages query users with their own SQL (see the admin accounts page).</summary>
    public override IQueryable<KennisHubUser> Users
        => throw new NotSupportedException("De Dapper-userstore ondersteunt geen IQueryable; gebruik een eigen query.");

    public override async Task<IdentityResult> CreateAsync(KennisHubUser user, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled,
                AccessFailedCount, DisplayName, ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt, PreferredLanguage)
            VALUES (@Id, @UserName, @NormalizedUserName, @Email, @NormalizedEmail, @EmailConfirmed, @PasswordHash, @SecurityStamp,
                @ConcurrencyStamp, @PhoneNumber, @PhoneNumberConfirmed, @TwoFactorEnabled, @LockoutEnd, @LockoutEnabled,
                @AccessFailedCount, @DisplayName, @ApprovalStatus, @LastAuthenticatorTimeStep, @CreatedAt, @PreferredLanguage)
            """;
        user.ConcurrencyStamp ??= Guid.NewGuid().ToString();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, Parameters(user, user.ConcurrencyStamp), transaction, cancellationToken: cancellationToken));

        // The account and its first audit line are saved together; only the id and display name, no e-mail address.
        var action = user.ApprovalStatus == ApprovalStatus.Pending ? "account.registered" : "account.created";
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            action, "User", user.Id, "Account aangemaakt", user.Id, user.DisplayName), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>
    /// Writes every column except LastAuthenticatorTimeStep (owned by <see cref="TryUseAuthenticatorTimeStepAsync"/>),
    /// only when nobody changed the row since it was read.
    /// </summary>
    public override async Task<IdentityResult> UpdateAsync(KennisHubUser user, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = """
            UPDATE Users SET UserName = @UserName, NormalizedUserName = @NormalizedUserName, Email = @Email,
                NormalizedEmail = @NormalizedEmail, EmailConfirmed = @EmailConfirmed, PasswordHash = @PasswordHash,
                SecurityStamp = @SecurityStamp, ConcurrencyStamp = @NewConcurrencyStamp, PhoneNumber = @PhoneNumber,
                PhoneNumberConfirmed = @PhoneNumberConfirmed, TwoFactorEnabled = @TwoFactorEnabled, LockoutEnd = @LockoutEnd,
                LockoutEnabled = @LockoutEnabled, AccessFailedCount = @AccessFailedCount, DisplayName = @DisplayName,
                ApprovalStatus = @ApprovalStatus
            WHERE Id = @Id AND ConcurrencyStamp = @ConcurrencyStamp
            """;
        var newStamp = Guid.NewGuid().ToString();
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, Parameters(user, newStamp), cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }

        user.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    public override async Task<IdentityResult> DeleteAsync(KennisHubUser user, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = "DELETE FROM Users WHERE Id = @Id AND ConcurrencyStamp = @ConcurrencyStamp";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new { user.Id, user.ConcurrencyStamp }, cancellationToken: cancellationToken));
        return rows == 0 ? IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure()) : IdentityResult.Success;
    }

    public override Task<KennisHubUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
        => Guid.TryParse(userId, out var id) ? FindUserAsync(id, cancellationToken) : Task.FromResult<KennisHubUser?>(null);

    public override async Task<KennisHubUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        const string Sql = """
            SELECT Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled,
                AccessFailedCount, DisplayName, ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt
            FROM Users WHERE NormalizedUserName = @NormalizedUserName
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KennisHubUser>(new CommandDefinition(Sql, new { NormalizedUserName = normalizedUserName }, cancellationToken: cancellationToken));
    }

    public override async Task<KennisHubUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        const string Sql = """
            SELECT Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled,
                AccessFailedCount, DisplayName, ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt
            FROM Users WHERE NormalizedEmail = @NormalizedEmail
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<KennisHubUser>(new CommandDefinition(Sql, new { NormalizedEmail = normalizedEmail }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    protected override async Task<KennisHubUser?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        const string Sql = """
            SELECT Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled,
                AccessFailedCount, DisplayName, ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt
            FROM Users WHERE Id = @Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KennisHubUser>(new CommandDefinition(Sql, new { Id = userId }, cancellationToken: cancellationToken));
    }

    // Roles

    public override async Task AddToRoleAsync(KennisHubUser user, string normalizedRoleName, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        var role = await FindRoleAsync(normalizedRoleName, cancellationToken)
            ?? throw new InvalidOperationException($"Rol {normalizedRoleName} bestaat niet.");
        const string Sql = """
            INSERT INTO UserRoles (UserId, RoleId)
            SELECT @UserId, @RoleId
            WHERE NOT EXISTS (SELECT 1 FROM UserRoles WHERE UserId = @UserId AND RoleId = @RoleId)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = user.Id, RoleId = role.Id }, cancellationToken: cancellationToken));
    }

    public override async Task RemoveFromRoleAsync(KennisHubUser user, string normalizedRoleName, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = """
            DELETE FROM UserRoles
            WHERE UserId = @UserId AND RoleId IN (SELECT Id FROM Roles WHERE NormalizedName = @NormalizedName)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = user.Id, NormalizedName = normalizedRoleName }, cancellationToken: cancellationToken));
    }

    public override async Task<IList<string>> GetRolesAsync(KennisHubUser user, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = """
            SELECT r.Name FROM Roles r INNER JOIN UserRoles ur ON ur.RoleId = r.Id
            WHERE ur.UserId = @UserId
            ORDER BY r.Name
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(Sql, new { UserId = user.Id }, cancellationToken: cancellationToken))).ToList();
    }

    public override async Task<bool> IsInRoleAsync(KennisHubUser user, string normalizedRoleName, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = """
            SELECT COUNT(*) FROM UserRoles ur INNER JOIN Roles r ON r.Id = ur.RoleId
            WHERE ur.UserId = @UserId AND r.NormalizedName = @NormalizedName
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new { UserId = user.Id, NormalizedName = normalizedRoleName }, cancellationToken: cancellationToken)) > 0;
    }

    public override async Task<IList<KennisHubUser>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        const string Sql = """
            SELECT Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled,
                AccessFailedCount, DisplayName, ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt
            FROM Users
            WHERE Id IN (SELECT ur.UserId FROM UserRoles ur INNER JOIN Roles r ON r.Id = ur.RoleId WHERE r.NormalizedName = @NormalizedName)
            ORDER BY NormalizedUserName
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<KennisHubUser>(new CommandDefinition(Sql, new { NormalizedName = normalizedRoleName }, cancellationToken: cancellationToken))).ToList();
    }

    protected override async Task<KennisHubRole?> FindRoleAsync(string normalizedRoleName, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT Id, Name, NormalizedName, ConcurrencyStamp FROM Roles WHERE NormalizedName = @NormalizedName";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KennisHubRole>(new CommandDefinition(Sql, new { NormalizedName = normalizedRoleName }, cancellationToken: cancellationToken));
    }

    protected override async Task<IdentityUserRole<Guid>?> FindUserRoleAsync(Guid userId, Guid roleId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT UserId, RoleId FROM UserRoles WHERE UserId = @UserId AND RoleId = @RoleId";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdentityUserRole<Guid>>(new CommandDefinition(Sql, new { UserId = userId, RoleId = roleId }, cancellationToken: cancellationToken));
    }

    // Claims

    public override async Task<IList<Claim>> GetClaimsAsync(KennisHubUser user, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = "SELECT Id, UserId, ClaimType, ClaimValue FROM UserClaims WHERE UserId = @UserId ORDER BY Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IdentityUserClaim<Guid>>(new CommandDefinition(Sql, new { UserId = user.Id }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToClaim()).ToList();
    }

    public override async Task AddClaimsAsync(KennisHubUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        ArgumentNullException.ThrowIfNull(claims);
        const string Sql = "INSERT INTO UserClaims (UserId, ClaimType, ClaimValue) VALUES (@UserId, @ClaimType, @ClaimValue)";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var claim in claims)
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = user.Id, ClaimType = claim.Type, ClaimValue = claim.Value }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task ReplaceClaimAsync(KennisHubUser user, Claim claim, Claim newClaim, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(newClaim);
        const string Sql = """
            UPDATE UserClaims SET ClaimType = @NewType, ClaimValue = @NewValue
            WHERE UserId = @UserId AND ClaimType = @ClaimType AND ClaimValue = @ClaimValue
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            UserId = user.Id,
            ClaimType = claim.Type,
            ClaimValue = claim.Value,
            NewType = newClaim.Type,
            NewValue = newClaim.Value,
        }, cancellationToken: cancellationToken));
    }

    public override async Task RemoveClaimsAsync(KennisHubUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        ArgumentNullException.ThrowIfNull(claims);
        const string Sql = "DELETE FROM UserClaims WHERE UserId = @UserId AND ClaimType = @ClaimType AND ClaimValue = @ClaimValue";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var claim in claims)
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = user.Id, ClaimType = claim.Type, ClaimValue = claim.Value }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<IList<KennisHubUser>> GetUsersForClaimAsync(Claim claim, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(claim);
        const string Sql = """
            SELECT Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled,
                AccessFailedCount, DisplayName, ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt
            FROM Users
            WHERE Id IN (SELECT UserId FROM UserClaims WHERE ClaimType = @ClaimType AND ClaimValue = @ClaimValue)
            ORDER BY NormalizedUserName
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<KennisHubUser>(new CommandDefinition(Sql, new { ClaimType = claim.Type, ClaimValue = claim.Value }, cancellationToken: cancellationToken))).ToList();
    }

    // External logins

    public override async Task AddLoginAsync(KennisHubUser user, UserLoginInfo login, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        ArgumentNullException.ThrowIfNull(login);
        const string Sql = """
            INSERT INTO UserLogins (LoginProvider, ProviderKey, ProviderDisplayName, UserId)
            VALUES (@LoginProvider, @ProviderKey, @ProviderDisplayName, @UserId)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { login.LoginProvider, login.ProviderKey, login.ProviderDisplayName, UserId = user.Id }, cancellationToken: cancellationToken));
    }

    public override async Task RemoveLoginAsync(KennisHubUser user, string loginProvider, string providerKey, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = "DELETE FROM UserLogins WHERE UserId = @UserId AND LoginProvider = @LoginProvider AND ProviderKey = @ProviderKey";
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { UserId = user.Id, LoginProvider = loginProvider, ProviderKey = providerKey }, cancellationToken: cancellationToken));
    }

    public override async Task<IList<UserLoginInfo>> GetLoginsAsync(KennisHubUser user, CancellationToken cancellationToken = default)
    {
        Check(user, cancellationToken);
        const string Sql = "SELECT LoginProvider, ProviderKey, ProviderDisplayName, UserId FROM UserLogins WHERE UserId = @UserId";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IdentityUserLogin<Guid>>(new CommandDefinition(Sql, new { UserId = user.Id }, cancellationToken: cancellationToken));
        return rows.Select(row => new UserLoginInfo(row.LoginProvider, row.ProviderKey, row.ProviderDisplayName)).ToList();
    }

    protected override async Task<IdentityUserLogin<Guid>?> FindUserLoginAsync(Guid userId, string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT LoginProvider, ProviderKey, ProviderDisplayName, UserId FROM UserLogins
            WHERE UserId = @UserId AND LoginProvider = @LoginProvider AND ProviderKey = @ProviderKey
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdentityUserLogin<Guid>>(new CommandDefinition(Sql, new { UserId = userId, LoginProvider = loginProvider, ProviderKey = providerKey }, cancellationToken: cancellationToken));
    }

    protected override async Task<IdentityUserLogin<Guid>?> FindUserLoginAsync(string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT LoginProvider, ProviderKey, ProviderDisplayName, UserId FROM UserLogins
            WHERE LoginProvider = @LoginProvider AND ProviderKey = @ProviderKey
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdentityUserLogin<Guid>>(new CommandDefinition(Sql, new { LoginProvider = loginProvider, ProviderKey = providerKey }, cancellationToken: cancellationToken));
    }

    // Tokens (authenticator key, recovery codes)

    protected override async Task<IdentityUserToken<Guid>?> FindTokenAsync(KennisHubUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT UserId, LoginProvider, Name, Value FROM UserTokens
            WHERE UserId = @UserId AND LoginProvider = @LoginProvider AND Name = @Name
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdentityUserToken<Guid>>(new CommandDefinition(Sql, new { UserId = user.Id, LoginProvider = loginProvider, Name = name }, cancellationToken: cancellationToken));
    }

    protected override async Task AddUserTokenAsync(IdentityUserToken<Guid> token)
    {
        const string Sql = "INSERT INTO UserTokens (UserId, LoginProvider, Name, Value) VALUES (@UserId, @LoginProvider, @Name, @Value)";
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(Sql, new { token.UserId, token.LoginProvider, token.Name, token.Value });
    }

    protected override async Task RemoveUserTokenAsync(IdentityUserToken<Guid> token)
    {
        const string Sql = "DELETE FROM UserTokens WHERE UserId = @UserId AND LoginProvider = @LoginProvider AND Name = @Name";
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(Sql, new { token.UserId, token.LoginProvider, token.Name });
    }

    /// <summary>The base class only changes the tracked entity (EF saves it later); here the row is written at once.</summary>
    public override async Task SetTokenAsync(KennisHubUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        Check(user, cancellationToken);
        const string UpdateSql = "UPDATE UserTokens SET Value = @Value WHERE UserId = @UserId AND LoginProvider = @LoginProvider AND Name = @Name";
        const string InsertSql = "INSERT INTO UserTokens (UserId, LoginProvider, Name, Value) VALUES (@UserId, @LoginProvider, @Name, @Value)";
        var parameters = new { UserId = user.Id, LoginProvider = loginProvider, Name = name, Value = value };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores only SHA-256 hashes: a copy of the database does not hand out working recovery codes.</summary>
    public override Task ReplaceCodesAsync(KennisHubUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var hashes = string.Join(";", recoveryCodes.Select(HashRecoveryCode));
        return SetTokenAsync(user, KennisHubTokenProvider, RecoveryCodeHashesName, hashes, cancellationToken);
    }

    /// <summary>Removes the code's hash with a compare-and-swap, so two requests cannot both redeem one code.</summary>
    public override async Task<bool> RedeemCodeAsync(KennisHubUser user, string code, CancellationToken cancellationToken)
    {
        Check(user, cancellationToken);
        ArgumentNullException.ThrowIfNull(code);
        const string Sql = """
            UPDATE UserTokens SET Value = @NewValue
            WHERE UserId = @UserId AND LoginProvider = @LoginProvider AND Name = @Name AND Value = @OldValue
            """;
        var hash = HashRecoveryCode(code);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await GetTokenAsync(user, KennisHubTokenProvider, RecoveryCodeHashesName, cancellationToken) ?? "";
            var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
            var index = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash)));
            if (index < 0)
            {
                return false;
            }

            hashes.RemoveAt(index);
            await using var connection = await db.OpenAsync(cancellationToken);
            var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new
            {
                UserId = user.Id,
                LoginProvider = KennisHubTokenProvider,
                Name = RecoveryCodeHashesName,
                OldValue = stored,
                NewValue = string.Join(";", hashes),
            }, cancellationToken: cancellationToken));
            if (rows == 1)
            {
                return true;
            }
        }

        return false;
    }

    public override async Task<int> CountCodesAsync(KennisHubUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, KennisHubTokenProvider, RecoveryCodeHashesName, cancellationToken);
        return string.IsNullOrEmpty(stored) ? 0 : stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    /// <summary>Codes are compared without case and surrounding spaces, as a person types them.</summary>
    public static string HashRecoveryCode(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    // One-time authenticator codes

    public async Task<bool> TryUseAuthenticatorTimeStepAsync(KennisHubUser user, long timeStep, CancellationToken cancellationToken)
    {
        Check(user, cancellationToken);
        const string Sql = """
            UPDATE Users SET LastAuthenticatorTimeStep = @TimeStep
            WHERE Id = @Id AND (LastAuthenticatorTimeStep IS NULL OR LastAuthenticatorTimeStep < @TimeStep)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new { user.Id, TimeStep = timeStep }, cancellationToken: cancellationToken));
        if (rows == 1)
        {
            user.LastAuthenticatorTimeStep = timeStep;
        }

        return rows == 1;
    }

    private void Check(KennisHubUser user, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
    }

    private static object Parameters(KennisHubUser user, string newConcurrencyStamp) => new
    {
        user.Id,
        user.UserName,
        user.NormalizedUserName,
        user.Email,
        user.NormalizedEmail,
        user.EmailConfirmed,
        user.PasswordHash,
        user.SecurityStamp,
        user.ConcurrencyStamp,
        NewConcurrencyStamp = newConcurrencyStamp,
        user.PhoneNumber,
        user.PhoneNumberConfirmed,
        user.TwoFactorEnabled,
        user.LockoutEnd,
        user.LockoutEnabled,
        user.AccessFailedCount,
        user.DisplayName,
        ApprovalStatus = user.ApprovalStatus.ToString(),
        user.LastAuthenticatorTimeStep,
        user.CreatedAt,
        user.PreferredLanguage,
    };
}
