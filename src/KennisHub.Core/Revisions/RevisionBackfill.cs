using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Revisions;

/// <summary>
/// Fills Fingerprint, Length and LengthChange of revisions written before migration 0006, which SQL alone cannot
/// compute (SHA-256 over Unicode NFC). Runs after every migration (<see cref="DatabaseMigrator.Migrate"/>): with
/// nothing to fill it is one index seek (IX_Revisions_Fingerprint, Fingerprint IS NULL). Idempotent, in batches of
/// short transactions, so an interrupted run simply continues next time.
/// </summary>
public static class RevisionBackfill
{
    private const int BatchSize = 200;

    private sealed record Pending(Guid Id, string Markdown);

    /// <summary>Fills what is missing and returns how many revisions got a fingerprint.</summary>
    public static async Task<int> RunAsync(Db db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string FirstSql = "SELECT Id, Markdown FROM Revisions WHERE Fingerprint IS NULL ORDER BY Id";
        const string NextSql = "SELECT Id, Markdown FROM Revisions WHERE Fingerprint IS NULL AND Id > @After ORDER BY Id";
        const string FillSql = "UPDATE Revisions SET Fingerprint = @Fingerprint, Length = @Length WHERE Id = @Id";

        // Numbers run 1..n per subject without gaps, so the previous revision is Number - 1.
        const string ChangeSql = """
            UPDATE Revisions
            SET LengthChange = Length - COALESCE((SELECT p.Length FROM Revisions p
                                                 WHERE p.SubjectKind = Revisions.SubjectKind AND p.SubjectId = Revisions.SubjectId
                                                   AND p.Number = Revisions.Number - 1), 0)
            WHERE LengthChange IS NULL AND Length IS NOT NULL
            """;

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var filled = 0;
        Guid? after = null;
        while (true)
        {
            var batch = (after is { } last
                    ? await connection.QueryAsync<Pending>(new CommandDefinition(db.Dialect.Page(NextSql), new { After = last, Take = BatchSize, Skip = 0 }, cancellationToken: cancellationToken)).ConfigureAwait(false)
                    : await connection.QueryAsync<Pending>(new CommandDefinition(db.Dialect.Page(FirstSql), new { Take = BatchSize, Skip = 0 }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .AsList();
            if (batch.Count == 0)
            {
                break;
            }

            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var revision in batch)
                {
                    var measure = RevisionFingerprint.Measure(revision.Markdown);
                    await connection.ExecuteAsync(new CommandDefinition(
                        FillSql, new { revision.Id, measure.Fingerprint, measure.Length }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            filled += batch.Count;
            after = batch[^1].Id;
        }

        await connection.ExecuteAsync(new CommandDefinition(ChangeSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return filled;
    }
}
