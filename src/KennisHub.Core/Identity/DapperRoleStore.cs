using System.Security.Claims;
using Dapper;
using KennisHub.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>Identity's role store on Dapper: a thin shell over <see cref="RoleStoreBase{TRole,TKey,TUserRole,TRoleClaim}"/>.</summary>
public sealed class DapperRoleStore(Db db, IdentityErrorDescriber? describer = null)
    : RoleStoreBase<KennisHubRole, Guid, IdentityUserRole<Guid>, IdentityRoleClaim<Guid>>(describer ?? new IdentityErrorDescriber())
{
    /// <summary>Not supported: the four roles are listed from <see cref="RoleNames.All"/>.</summary>
    public override IQueryable<KennisHubRole> Roles
        => throw new NotSupportedException("De Dapper-rolestore ondersteunt geen IQueryable.");

    public override async Task<IdentityResult> CreateAsync(KennisHubRole role, CancellationToken cancellationToken = default)
    {
        Check(role, cancellationToken);
        const string Sql = """
            INSERT INTO Roles (Id, Name, NormalizedName, ConcurrencyStamp)
            VALUES (@Id, @Name, @NormalizedName, @ConcurrencyStamp)
            """;
        role.ConcurrencyStamp ??= Guid.NewGuid().ToString();
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { role.Id, role.Name, role.NormalizedName, role.ConcurrencyStamp }, cancellationToken: cancellationToken));
        return IdentityResult.Success;
    }

    public override async Task<IdentityResult> UpdateAsync(KennisHubRole role, CancellationToken cancellationToken = default)
    {
        Check(role, cancellationToken);
        const string Sql = """
            UPDATE Roles SET Name = @Name, NormalizedName = @NormalizedName, ConcurrencyStamp = @NewConcurrencyStamp
            WHERE Id = @Id AND ConcurrencyStamp = @ConcurrencyStamp
            """;
        var newStamp = Guid.NewGuid().ToString();
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new { role.Id, role.Name, role.NormalizedName, role.ConcurrencyStamp, NewConcurrencyStamp = newStamp }, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }

        role.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    public override async Task<IdentityResult> DeleteAsync(KennisHubRole role, CancellationToken cancellationToken = default)
    {
        Check(role, cancellationToken);
        const string Sql = "DELETE FROM Roles WHERE Id = @Id AND ConcurrencyStamp = @ConcurrencyStamp";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(Sql, new { role.Id, role.ConcurrencyStamp }, cancellationToken: cancellationToken));
        return rows == 0 ? IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure()) : IdentityResult.Success;
    }

    public override async Task<KennisHubRole?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        if (!Guid.TryParse(id, out var roleId))
        {
            return null;
        }

        const string Sql = "SELECT Id, Name, NormalizedName, ConcurrencyStamp FROM Roles WHERE Id = @Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KennisHubRole>(new CommandDefinition(Sql, new { Id = roleId }, cancellationToken: cancellationToken));
    }

    public override async Task<KennisHubRole?> FindByNameAsync(string normalizedName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        const string Sql = "SELECT Id, Name, NormalizedName, ConcurrencyStamp FROM Roles WHERE NormalizedName = @NormalizedName";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KennisHubRole>(new CommandDefinition(Sql, new { NormalizedName = normalizedName }, cancellationToken: cancellationToken));
    }

    public override async Task<IList<Claim>> GetClaimsAsync(KennisHubRole role, CancellationToken cancellationToken = default)
    {
        Check(role, cancellationToken);
        const string Sql = "SELECT Id, RoleId, ClaimType, ClaimValue FROM RoleClaims WHERE RoleId = @RoleId ORDER BY Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IdentityRoleClaim<Guid>>(new CommandDefinition(Sql, new { RoleId = role.Id }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToClaim()).ToList();
    }

    public override async Task AddClaimAsync(KennisHubRole role, Claim claim, CancellationToken cancellationToken = default)
    {
        Check(role, cancellationToken);
        ArgumentNullException.ThrowIfNull(claim);
        const string Sql = "INSERT INTO RoleClaims (RoleId, ClaimType, ClaimValue) VALUES (@RoleId, @ClaimType, @ClaimValue)";
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { RoleId = role.Id, ClaimType = claim.Type, ClaimValue = claim.Value }, cancellationToken: cancellationToken));
    }

    public override async Task RemoveClaimAsync(KennisHubRole role, Claim claim, CancellationToken cancellationToken = default)
    {
        Check(role, cancellationToken);
        ArgumentNullException.ThrowIfNull(claim);
        const string Sql = "DELETE FROM RoleClaims WHERE RoleId = @RoleId AND ClaimType = @ClaimType AND ClaimValue = @ClaimValue";
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { RoleId = role.Id, ClaimType = claim.Type, ClaimValue = claim.Value }, cancellationToken: cancellationToken));
    }

    private void Check(KennisHubRole role, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(role);
    }
}
