using System.Security.Cryptography;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Feeds;

/// <summary>
/// A member's personal feed address: /feeds/kennis/{token} carries what that member may read, for a feed reader that
/// cannot sign in. The token is 32 random bytes (base64url, 43 characters); only its SHA-256 is stored. One per person:
/// a new one replaces the old, revoking removes it, and a person who is no longer approved (or is locked out) gets no
/// feed from it. Every change writes the audit log in its transaction.
/// </summary>
public sealed class FeedTokens(Db db, TimeProvider time)
{
    private sealed record ReaderRow(Guid UserId, string? RoleName);

    /// <summary>When the person's current token was made; null when they have none.</summary>
    public async Task<DateTimeOffset?> CreatedAtAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT CreatedAt FROM FeedTokens WHERE UserId = @UserId";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            new CommandDefinition(Sql, new { UserId = userId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Makes a new token for the person (revoking any earlier one) and returns it: the only time it is known.</summary>
    public async Task<string> CreateAsync(Guid userId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var replaced = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM FeedTokens WHERE UserId = @UserId", new { UserId = userId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO FeedTokens (UserId, TokenHash, CreatedAt) VALUES (@UserId, @TokenHash, @CreatedAt)",
            new { UserId = userId, TokenHash = Hash(token), CreatedAt = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.feed-token-created", "User", userId,
            replaced > 0 ? "Nieuw persoonlijk feedadres gemaakt; het vorige werkt niet meer" : "Persoonlijk feedadres gemaakt",
            actor.Id, actor.Name), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>Revokes the person's token; false when they had none.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM FeedTokens WHERE UserId = @UserId", new { UserId = userId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (removed == 0)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.feed-token-revoked", "User", userId, "Persoonlijk feedadres ingetrokken", actor.Id, actor.Name), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The reader a token stands for: its owner with their roles, when the account is approved and not locked out;
    /// null for an unknown, revoked or malformed token, or an account that may no longer read.
    /// </summary>
    public async Task<Reader?> ReaderForAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        const string Sql = """
            SELECT u.Id AS UserId, r.Name AS RoleName
            FROM FeedTokens f
            INNER JOIN Users u ON u.Id = f.UserId
            LEFT JOIN UserRoles ur ON ur.UserId = u.Id
            LEFT JOIN Roles r ON r.Id = ur.RoleId
            WHERE f.TokenHash = @TokenHash AND u.ApprovalStatus = 'Approved'
              AND (u.LockoutEnd IS NULL OR u.LockoutEnd < @Now)
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<ReaderRow>(new CommandDefinition(
            Sql, new { TokenHash = Hash(token), Now = time.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var roles = rows.Where(r => r.RoleName is not null).Select(r => r.RoleName!).ToHashSet(StringComparer.Ordinal);
        return new Reader(rows[0].UserId, roles);
    }

    /// <summary>Only what <see cref="CreateAsync"/> hands out: 43 base64url characters. Anything else is not looked up.</summary>
    public static bool LooksLikeToken(string? token)
        => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Hash(string token)
        => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
