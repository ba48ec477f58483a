using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Editing;

/// <summary>A kept, unsaved edit: the editor form as JSON (<see cref="Content"/>), with what the offer names.</summary>
public sealed record Draft
{
    public required string SubjectKind { get; init; }

    /// <summary>The item; <see cref="Drafts.NewItem"/> for an item not created yet.</summary>
    public required Guid SubjectId { get; init; }

    public required string Title { get; init; }

    /// <summary>The revision the kept edit started from (0 for a new item): restored, a save merges from it.</summary>
    public required int BaseRevision { get; init; }

    public required string Content { get; init; }

    public required DateTimeOffset SavedAt { get; init; }
}

/// <summary>
/// Drafts (migration 0012): one unsaved edit per person and item, or per person and kind for an item not created
/// yet. Every read and write is keyed by the person's own id, so a draft is only ever theirs. A published save
/// deletes it in the save's own transaction (<see cref="DeleteAsync(DbConnection, DbTransaction, Guid?, string, Guid, CancellationToken)"/>,
/// called from Content/TextWrites).
/// </summary>
public sealed class Drafts(Db db, TimeProvider time)
{
    /// <summary>The SubjectId of a draft of an item that does not exist yet.</summary>
    public static readonly Guid NewItem = Guid.Empty;

    /// <summary>The longest form kept (the body may be 400,000 characters; the rest is small).</summary>
    public const int MaxContentLength = 1_000_000;

    private const string Columns = "SubjectKind, SubjectId, Title, BaseRevision, Content, SavedAt";

    /// <summary>Keeps the form, replacing the person's earlier draft of the item; the time it was kept.</summary>
    public async Task<DateTimeOffset> SaveAsync(Guid userId, string subjectKind, Guid subjectId, string title, int baseRevision, string content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxContentLength)
        {
            throw new ArgumentOutOfRangeException(nameof(content), "Een concept is te groot.");
        }

        const string UpdateSql = """
            UPDATE Drafts SET Title = @Title, BaseRevision = @BaseRevision, Content = @Content, SavedAt = @SavedAt
            WHERE UserId = @UserId AND SubjectKind = @SubjectKind AND SubjectId = @SubjectId
            """;
        const string InsertSql = """
            INSERT INTO Drafts (UserId, SubjectKind, SubjectId, Title, BaseRevision, Content, SavedAt)
            VALUES (@UserId, @SubjectKind, @SubjectId, @Title, @BaseRevision, @Content, @SavedAt)
            """;
        var now = time.GetUtcNow();
        var parameters = new
        {
            UserId = userId, SubjectKind = subjectKind, SubjectId = subjectId, Title = title.Length > 400 ? title[..400] : title,
            BaseRevision = baseRevision, Content = content, SavedAt = now,
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return now;
    }

    /// <summary>The person's own draft of the item, or null.</summary>
    public async Task<Draft?> FindAsync(Guid userId, string subjectKind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT " + Columns + " FROM Drafts WHERE UserId = @UserId AND SubjectKind = @SubjectKind AND SubjectId = @SubjectId";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Draft>(new CommandDefinition(
            Sql, new { UserId = userId, SubjectKind = subjectKind, SubjectId = subjectId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>All of the person's drafts, newest first (the AVG export).</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT " + Columns + " FROM Drafts WHERE UserId = @UserId ORDER BY SavedAt DESC";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<Draft>(new CommandDefinition(Sql, new { UserId = userId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>Throws the person's draft of the item away ("Weggooien"); false when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid userId, string subjectKind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await DeleteAsync(connection, transaction, userId, subjectKind, subjectId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>The writer's draft of the item, deleted in the caller's transaction (a published save); nothing for the importer.</summary>
    public static async Task<bool> DeleteAsync(DbConnection connection, DbTransaction transaction, Guid? userId, string subjectKind, Guid subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = "DELETE FROM Drafts WHERE UserId = @UserId AND SubjectKind = @SubjectKind AND SubjectId = @SubjectId";
        return userId is { } id && await connection.ExecuteAsync(new CommandDefinition(
            Sql, new { UserId = id, SubjectKind = subjectKind, SubjectId = subjectId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }
}
