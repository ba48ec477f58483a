using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Revisions;

/// <summary>One saved version of a text. Number counts 1, 2, 3... per subject.</summary>
public sealed record Revision
{
    public required Guid Id { get; init; }

    public required string SubjectKind { get; init; }

    public required Guid SubjectId { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    public required string Markdown { get; init; }

    /// <summary>The item's summary (samenvatting) as it was in this version; not a note about the change.</summary>
    public required string Summary { get; init; }

    /// <summary>What the author said about this change ("wijzigingsomschrijving"); empty when nothing was said.</summary>
    public string ChangeSummary { get; init; } = string.Empty;

    public Guid? AuthorId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 of the normalized Markdown (<see cref="RevisionFingerprint"/>).</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>Code points of the normalized Markdown.</summary>
    public int Length { get; init; }

    /// <summary>Length minus the previous revision's; for the first revision its whole length.</summary>
    public int LengthChange { get; init; }
}

/// <summary>One line of a history page: everything about a revision except its text.</summary>
public sealed record RevisionListItem
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public required string ChangeSummary { get; init; }

    public Guid? AuthorId { get; init; }

    /// <summary>The author's display name, or null for an import or a removed account.</summary>
    public string? AuthorName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Fingerprint { get; init; }

    public required int Length { get; init; }

    public required int LengthChange { get; init; }
}

/// <summary>Two revisions of one subject to compare: the older (lower number) first.</summary>
public sealed record RevisionPair(Revision Older, Revision Newer);

/// <summary>The kinds of text that keep revisions (stored by name in Revisions.SubjectKind).</summary>
public static class SubjectKinds
{
    public const string Theme = "Theme";
    public const string Article = "Article";
    public const string Position = "Position";
    public const string Amendment = "Amendment";
}

/// <summary>
/// Append-only history of every kind of text (themes, articles, later positions and amendments): a save adds a
/// row, nothing is ever updated or deleted. Reads do not check visibility: a caller first finds the subject
/// through a Reader-filtered query, then asks for its revisions.
/// </summary>
public sealed class RevisionStore(Db db)
{
    /// <summary>The longest change summary a revision keeps (the column's size on SQL Server).</summary>
    public const int MaxChangeSummaryLength = 500;

    /// <summary>The largest history page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Adds the next revision of a subject inside the caller's transaction and returns its number. The
    /// fingerprint, length and size change are computed here, so every writer stores them alike.
    /// </summary>
    public static async Task<int> AppendAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string subjectKind,
        Guid subjectId,
        string title,
        string markdown,
        string summary,
        string changeSummary,
        Guid? authorId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(changeSummary);
        if (changeSummary.Length > MaxChangeSummaryLength)
        {
            throw new ArgumentException($"Een wijzigingsomschrijving is hoogstens {MaxChangeSummaryLength} tekens.", nameof(changeSummary));
        }

        // Max + 1 in the same statement as the insert; the unique index on (SubjectKind, SubjectId, Number)
        // turns a concurrent double append into an error instead of two revisions with one number. The size
        // change is measured against the revision with that max number, read in the same statement.
        const string Sql = """
            INSERT INTO Revisions (Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, ChangeSummary, AuthorId, CreatedAt, Fingerprint, Length, LengthChange)
            SELECT @Id, @SubjectKind, @SubjectId, COALESCE(MAX(r.Number), 0) + 1, @Title, @Markdown, @Summary, @ChangeSummary, @AuthorId, @CreatedAt,
                   @Fingerprint, @Length,
                   @Length - COALESCE((SELECT p.Length FROM Revisions p
                                       WHERE p.SubjectKind = @SubjectKind AND p.SubjectId = @SubjectId
                                         AND p.Number = (SELECT MAX(q.Number) FROM Revisions q WHERE q.SubjectKind = @SubjectKind AND q.SubjectId = @SubjectId)), 0)
            FROM Revisions r
            WHERE r.SubjectKind = @SubjectKind AND r.SubjectId = @SubjectId
            """;
        const string NumberSql = "SELECT Number FROM Revisions WHERE Id = @Id";

        var id = Guid.NewGuid();
        var measure = RevisionFingerprint.Measure(markdown);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = id,
            SubjectKind = subjectKind,
            SubjectId = subjectId,
            Title = title,
            Markdown = markdown,
            Summary = summary,
            ChangeSummary = changeSummary,
            AuthorId = authorId,
            CreatedAt = DateTimeOffset.UtcNow,
            measure.Fingerprint,
            measure.Length,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        return await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(NumberSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Every revision of a subject with its text, newest first. For a history page use <see cref="HistoryAsync"/>.</summary>
    public async Task<IReadOnlyList<Revision>> ListAsync(string subjectKind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, ChangeSummary, AuthorId, CreatedAt, Fingerprint, Length, LengthChange
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId
            ORDER BY Number DESC
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Revision>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>
    /// One page of a subject's history, newest first, without the texts (<see cref="HistoryPageAsync"/>), after one
    /// read of the latest number. A caller that already read the latest number with the subject calls that directly.
    /// </summary>
    public async Task<ListPage<RevisionListItem>> HistoryAsync(string subjectKind, Guid subjectId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        const string LatestSql = "SELECT MAX(Number) FROM Revisions WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var latest = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            LatestSql, new { SubjectKind = subjectKind, SubjectId = subjectId }, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
        return await HistoryPageAsync(connection, subjectKind, subjectId, latest, page, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of a history whose latest revision number is <paramref name="latest"/>. Numbers run 1..n without gaps
    /// (nothing is ever deleted), so page p is the number range (latest - p * size, latest - (p - 1) * size], plus the
    /// number just below it to tell whether an older page exists (take + 1): one range seek on
    /// UX_Revisions_Subject_Number however long the history, no OFFSET, no count. The page count is
    /// <see cref="PageCount"/> of the latest number.
    /// </summary>
    public static async Task<ListPage<RevisionListItem>> HistoryPageAsync(
        DbConnection connection, string subjectKind, Guid subjectId, int latest, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string PageSql = """
            SELECT r.Number, r.Title, r.ChangeSummary, r.AuthorId, u.DisplayName AS AuthorName, r.CreatedAt, r.Fingerprint, r.Length, r.LengthChange
            FROM Revisions r
            LEFT JOIN Users u ON u.Id = r.AuthorId
            WHERE r.SubjectKind = @SubjectKind AND r.SubjectId = @SubjectId AND r.Number <= @Top AND r.Number >= @Bottom
            ORDER BY r.Number DESC
            """;

        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var top = latest - ((page - 1L) * pageSize);
        if (top < 1)
        {
            return new ListPage<RevisionListItem>([], page, pageSize, HasNext: false);
        }

        var rows = (await connection.QueryAsync<RevisionListItem>(new CommandDefinition(
            PageSql,
            new { SubjectKind = subjectKind, SubjectId = subjectId, Top = (int)top, Bottom = (int)Math.Max(1, top - pageSize) },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var hasNext = rows.Count > pageSize;
        return new ListPage<RevisionListItem>(hasNext ? rows.GetRange(0, pageSize) : rows, page, pageSize, hasNext);
    }

    /// <summary>The number of history pages of a subject whose latest revision number is <paramref name="latest"/>.</summary>
    public static int PageCount(int latest, int pageSize)
        => latest <= 0 ? 1 : (int)((latest + (long)Math.Clamp(pageSize, 1, MaxPageSize) - 1) / Math.Clamp(pageSize, 1, MaxPageSize));

    /// <summary>One revision of a subject by number, or null.</summary>
    public async Task<Revision?> GetAsync(string subjectKind, Guid subjectId, int number, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, ChangeSummary, AuthorId, CreatedAt, Fingerprint, Length, LengthChange
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND Number = @Number
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Revision>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId, Number = number }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Two revisions of a subject for "Vergelijken", in one query, the older first whichever order the numbers
    /// come in; null when either does not exist. The same number twice compares a revision with itself.
    /// </summary>
    public async Task<RevisionPair?> GetPairAsync(string subjectKind, Guid subjectId, int first, int second, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, ChangeSummary, AuthorId, CreatedAt, Fingerprint, Length, LengthChange
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND (Number = @Older OR Number = @Newer)
            """;
        var (older, newer) = first <= second ? (first, second) : (second, first);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<Revision>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId, Older = older, Newer = newer }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var olderRevision = rows.Find(r => r.Number == older);
        var newerRevision = rows.Find(r => r.Number == newer);
        return olderRevision is null || newerRevision is null ? null : new RevisionPair(olderRevision, newerRevision);
    }
}
