using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Audit;

/// <summary>
/// One line of the audit log as the Logboek page shows it. Settable properties rather than a positional record:
/// SQLite reports odd column types for an empty result, which Dapper's constructor matching refuses.
/// </summary>
public sealed record AuditLine
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? ActorId { get; init; }

    public string ActorName { get; init; } = "";

    public string Action { get; init; } = "";

    public string SubjectKind { get; init; } = "";

    public Guid? SubjectId { get; init; }

    public string Summary { get; init; } = "";

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }
}

/// <summary>What the Beheerder filters on; every field optional. Period: From inclusive, Until exclusive.</summary>
public sealed record AuditFilter(
    string? Action = null,
    string? SubjectKind = null,
    string? ActorName = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    Guid? ActorId = null);

/// <summary>A page of lines, newest first; <see cref="HasMore"/> when a next page exists.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, int PageNumber, int PageSize, bool HasMore);

/// <summary>Reads the audit log. There is deliberately no update or delete: the log is append-only.</summary>
public sealed class AuditLogQuery(Db db)
{
    public const int DefaultPageSize = 50;

    public async Task<AuditPage> FindAsync(AuditFilter filter, int pageNumber, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageNumber = Math.Max(1, pageNumber);
        pageSize = Math.Clamp(pageSize, 1, 500);
        const string Sql = """
            SELECT Id, OccurredAt, ActorId, ActorName, Action, SubjectKind, SubjectId, Summary, OldValue, NewValue
            FROM AuditLog
            WHERE (@Action IS NULL OR Action = @Action)
              AND (@SubjectKind IS NULL OR SubjectKind = @SubjectKind)
              AND (@ActorPattern IS NULL OR ActorName LIKE @ActorPattern ESCAPE '\')
              AND (@ActorId IS NULL OR ActorId = @ActorId)
              AND (@From IS NULL OR OccurredAt >= @From)
              AND (@Until IS NULL OR OccurredAt < @Until)
            ORDER BY OccurredAt DESC, Id DESC
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<AuditLine>(new CommandDefinition(db.Dialect.Page(Sql), new
        {
            Action = Blank(filter.Action),
            SubjectKind = Blank(filter.SubjectKind),
            ActorPattern = LikePattern.Containing(filter.ActorName),
            filter.ActorId,
            filter.From,
            filter.Until,
            // Clamped: pagina=2147483647 times 50 would overflow an int (and then the database).
            Skip = Reading.PagedList<AuditLine>.Skip(pageNumber, pageSize),
            Take = pageSize + 1,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var hasMore = rows.Count > pageSize;
        return new AuditPage(hasMore ? rows[..pageSize] : rows, pageNumber, pageSize, hasMore);
    }

    /// <summary>The distinct actions and subject kinds, for the filter's choice lists.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> SubjectKinds)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        const string ActionsSql = """
            SELECT DISTINCT Action FROM AuditLog ORDER BY Action
            """;
        const string KindsSql = """
            SELECT DISTINCT SubjectKind FROM AuditLog ORDER BY SubjectKind
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var actions = await connection.QueryAsync<string>(new CommandDefinition(ActionsSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var kinds = await connection.QueryAsync<string>(new CommandDefinition(KindsSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (actions.ToList(), kinds.ToList());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
