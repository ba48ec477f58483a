using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Editing;

/// <summary>Someone else with the item's editor open, since when (this stretch of editing).</summary>
public sealed record EditorPresent
{
    public required Guid UserId { get; init; }

    public required string DisplayName { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}

/// <summary>
/// Who has an item's editor open (table EditorPresence, migration 0012): the editor page records a heartbeat when it
/// loads and, with JavaScript, every ~20 seconds; a person counts until <see cref="Expiry"/> after their last one. In
/// the database, so every instance sees every editor. Callers ask only after the edit policy allowed the reader: no
/// names to anyone who may not edit the item.
/// </summary>
public sealed class Presence(Db db, TimeProvider time)
{
    /// <summary>How long after the last heartbeat a person still counts as editing.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Records that this person has the editor open now, and returns the others who have it open. A heartbeat after
    /// a gap longer than <see cref="Expiry"/> starts a new stretch ("sinds" is then now).
    /// </summary>
    public async Task<IReadOnlyList<EditorPresent>> HeartbeatAsync(string subjectKind, Guid subjectId, Guid userId, CancellationToken cancellationToken = default)
    {
        const string UpdateSql = """
            UPDATE EditorPresence
            SET StartedAt = CASE WHEN LastSeenAt < @ExpiredBefore THEN @Now ELSE StartedAt END, LastSeenAt = @Now
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND UserId = @UserId
            """;
        const string InsertSql = """
            INSERT INTO EditorPresence (SubjectKind, SubjectId, UserId, StartedAt, LastSeenAt)
            VALUES (@SubjectKind, @SubjectId, @UserId, @Now, @Now)
            """;
        var now = time.GetUtcNow();
        var parameters = new { SubjectKind = subjectKind, SubjectId = subjectId, UserId = userId, Now = now, ExpiredBefore = now - Expiry };
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OthersAsync(subjectKind, subjectId, userId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The others whose last heartbeat for this item is within <see cref="Expiry"/>, longest editing first.</summary>
    public async Task<IReadOnlyList<EditorPresent>> OthersAsync(string subjectKind, Guid subjectId, Guid userId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT p.UserId, u.DisplayName, p.StartedAt
            FROM EditorPresence p
            INNER JOIN Users u ON u.Id = p.UserId
            WHERE p.SubjectKind = @SubjectKind AND p.SubjectId = @SubjectId AND p.UserId <> @UserId AND p.LastSeenAt >= @ExpiredBefore
            ORDER BY p.StartedAt, u.DisplayName
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<EditorPresent>(new CommandDefinition(Sql, new
        {
            SubjectKind = subjectKind, SubjectId = subjectId, UserId = userId, ExpiredBefore = time.GetUtcNow() - Expiry,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }
}
