using System.Data.Common;
using Dapper;

namespace KennisHub.Core.Audit;

/// <summary>One line of the audit log (Logboek): who changed what, when, with old and new values.</summary>
public sealed record AuditEntry(
    string Action,
    string SubjectKind,
    Guid? SubjectId,
    string Summary,
    Guid? ActorId,
    string ActorName,
    string? OldValue = null,
    string? NewValue = null);

/// <summary>
/// The one audit log every change writes to, inside the same transaction as the change itself, so that a change
/// and its log line are saved together or not at all. Append-only: nothing in KennisHub updates or deletes here.
/// </summary>
public static class AuditLog
{
    public static Task WriteAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO AuditLog (Id, OccurredAt, ActorId, ActorName, Action, SubjectKind, SubjectId, Summary, OldValue, NewValue)
            VALUES (@Id, @OccurredAt, @ActorId, @ActorName, @Action, @SubjectKind, @SubjectId, @Summary, @OldValue, @NewValue)
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = Guid.NewGuid(),
            OccurredAt = DateTimeOffset.UtcNow,
            entry.ActorId,
            entry.ActorName,
            entry.Action,
            entry.SubjectKind,
            entry.SubjectId,
            entry.Summary,
            entry.OldValue,
            entry.NewValue,
        }, transaction, cancellationToken: cancellationToken));
    }
}
