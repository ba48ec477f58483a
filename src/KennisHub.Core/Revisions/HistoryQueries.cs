using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Revisions;

/// <summary>An article or theme whose history is read: what the history pages show about the item itself.</summary>
public sealed record HistorySubject
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required Visibility Visibility { get; init; }

    /// <summary>The highest revision number (numbers run 1..n without gaps); 0 when the item has none.</summary>
    public required int LatestRevision { get; init; }
}

/// <summary>
/// The read side of "Geschiedenis" and "Vergelijken" for articles and themes: every query finds the item through
/// the reader's visibility first, in the same statement as its revisions, so a hidden item's history is not found.
/// </summary>
public sealed class HistoryQueries(Db db)
{
    // Fragments folded into whole statements at compile time, one set per kind of item.
    private const string ArticleSubject = """
        SELECT a.Id, a.Slug, a.Title, a.Visibility,
               COALESCE((SELECT MAX(q.Number) FROM Revisions q WHERE q.SubjectKind = 'Article' AND q.SubjectId = a.Id), 0) AS LatestRevision
        FROM Articles a
        WHERE a.Slug = @Slug AND a.Visibility IN @Visibilities
        """;

    private const string ThemeSubject = """
        SELECT t.Id, t.Slug, t.Title, t.Visibility,
               COALESCE((SELECT MAX(q.Number) FROM Revisions q WHERE q.SubjectKind = 'Theme' AND q.SubjectId = t.Id), 0) AS LatestRevision
        FROM Themes t
        WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities
        """;

    private const string RevisionColumns = """
        SELECT r.Id, r.SubjectKind, r.SubjectId, r.Number, r.Title, r.Markdown, r.Summary, r.ChangeSummary, r.AuthorId,
               r.CreatedAt, r.Fingerprint, r.Length, r.LengthChange
        FROM Revisions r
        """;

    private const string VisibleArticleId = "(SELECT a.Id FROM Articles a WHERE a.Slug = @Slug AND a.Visibility IN @Visibilities)";

    private const string VisibleThemeId = "(SELECT t.Id FROM Themes t WHERE t.Slug = @Slug AND t.Visibility IN @Visibilities)";

    private const string ArticleRevisionsSql = ArticleSubject + ";\n" + RevisionColumns
        + "\nWHERE r.SubjectKind = 'Article' AND r.SubjectId = " + VisibleArticleId + " AND (r.Number = @First OR r.Number = @Second)";

    private const string ThemeRevisionsSql = ThemeSubject + ";\n" + RevisionColumns
        + "\nWHERE r.SubjectKind = 'Theme' AND r.SubjectId = " + VisibleThemeId + " AND (r.Number = @First OR r.Number = @Second)";

    /// <summary>The item, if this reader may see it, with its latest revision number: one statement.</summary>
    public async Task<HistorySubject?> FindSubjectAsync(Reader reader, string subjectKind, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sql = subjectKind switch
        {
            SubjectKinds.Article => ArticleSubject,
            SubjectKinds.Theme => ThemeSubject,
            _ => throw new ArgumentOutOfRangeException(nameof(subjectKind), subjectKind, "Alleen kennisartikelen en thema's hebben een geschiedenispagina."),
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<HistorySubject>(new CommandDefinition(
            sql, new { Slug = slug, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the item's history, newest first, or null when the reader may not see the item: two round trips
    /// (the item with its latest number, then one range seek on the revision numbers).
    /// </summary>
    public async Task<(HistorySubject Subject, ListPage<RevisionListItem> Revisions)?> HistoryAsync(
        Reader reader, string subjectKind, string slug, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var subject = await FindSubjectAsync(reader, subjectKind, slug, cancellationToken).ConfigureAwait(false);
        if (subject is null)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var revisions = await RevisionStore.HistoryPageAsync(
            connection, subjectKind, subject.Id, subject.LatestRevision, page, pageSize, cancellationToken).ConfigureAwait(false);
        return (subject, revisions);
    }

    /// <summary>
    /// The item and up to two of its revisions by number (the same number twice reads one), in one round trip; the
    /// subject is null when the reader may not see the item, and a number the item does not have is simply absent.
    /// </summary>
    public async Task<(HistorySubject? Subject, IReadOnlyList<Revision> Revisions)> RevisionsAsync(
        Reader reader, string subjectKind, string slug, int first, int second, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sql = subjectKind switch
        {
            SubjectKinds.Article => ArticleRevisionsSql,
            SubjectKinds.Theme => ThemeRevisionsSql,
            _ => throw new ArgumentOutOfRangeException(nameof(subjectKind), subjectKind, "Alleen kennisartikelen en thema's hebben een geschiedenispagina."),
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            sql, new { Slug = slug, reader.Visibilities, First = first, Second = second }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var subject = await results.ReadSingleOrDefaultAsync<HistorySubject>().ConfigureAwait(false);
        var revisions = (await results.ReadAsync<Revision>().ConfigureAwait(false)).OrderBy(r => r.Number).ToList();
        return (subject, subject is null ? [] : revisions);
    }
}
