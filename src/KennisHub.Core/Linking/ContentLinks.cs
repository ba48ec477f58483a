using System.Data.Common;
using Dapper;

namespace KennisHub.Core.Linking;

/// <summary>
/// The ContentLinks table: which items an item's text links to. Every writer of an item's text calls
/// <see cref="ReplaceAsync"/> in its save transaction (the import today, the write handlers after the merge), so
/// "Verwijst hierheen" is never out of step with the text.
/// </summary>
public static class ContentLinks
{
    /// <summary>Replaces the links of one item with those in <paramref name="markdown"/>, inside the caller's transaction.</summary>
    public static async Task ReplaceAsync(
        DbConnection connection, DbTransaction transaction, string subjectKind, Guid subjectId, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(markdown);
        const string DeleteSql = "DELETE FROM ContentLinks WHERE SourceKind = @SourceKind AND SourceId = @SourceId";
        const string InsertSql = """
            INSERT INTO ContentLinks (SourceKind, SourceId, TargetKind, TargetSlug)
            VALUES (@SourceKind, @SourceId, @TargetKind, @TargetSlug)
            """;

        await connection.ExecuteAsync(new CommandDefinition(
            DeleteSql, new { SourceKind = subjectKind, SourceId = subjectId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var targets = InternalLinks.Targets(markdown)
            .Select(t => new { SourceKind = subjectKind, SourceId = subjectId, TargetKind = t.Kind, TargetSlug = t.Slug })
            .ToList();
        if (targets.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, targets, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
