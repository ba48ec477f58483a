using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Caching;

/// <summary>The version of the knowledge content at one moment, and when it last changed.</summary>
public sealed record ContentStamp
{
    // A property record: Dapper applies the DateTimeOffset type handler (SQLite text) to setters only.
    public required long Version { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>
/// The one seam between writes and the page cache. Every write that changes what the public pages show (an article,
/// a theme, an organisation, a keyword, their links) calls <see cref="BumpAsync"/> inside its own transaction, next to
/// its audit line; the web side reads <see cref="ReadAsync"/> on every anonymous page request and serves a cached page
/// only when it was stored at the current version. So an instance never serves a page older than a save committed on
/// another instance, without any message between them.
/// </summary>
public static class ContentVersion
{
    /// <summary>The scope of articles, themes, organisations and keywords: everything the public pages show today.</summary>
    public const string Knowledge = "kennis";

    /// <summary>Marks the content as changed, inside the caller's write transaction (committed or rolled back with it).</summary>
    public static async Task BumpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = """
            UPDATE ContentVersions
            SET Version = Version + 1, ChangedAt = @ChangedAt
            WHERE Scope = @Scope
            """;
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            Sql, new { Scope = Knowledge, ChangedAt = DateTimeOffset.UtcNow }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (rows != 1)
        {
            throw new InvalidOperationException($"ContentVersions mist de regel '{Knowledge}': voer de migraties uit.");
        }
    }

    /// <summary>The current stamp: one primary-key read, cheap enough for every request.</summary>
    public static async Task<ContentStamp> ReadAsync(Db db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string Sql = """
            SELECT Version, ChangedAt
            FROM ContentVersions
            WHERE Scope = @Scope
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleAsync<ContentStamp>(new CommandDefinition(
            Sql, new { Scope = Knowledge }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
