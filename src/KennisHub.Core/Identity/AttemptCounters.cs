using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Identity;

/// <summary>How often something was tried for one subject within its current window.</summary>
public sealed record AttemptCount(string Subject, int Attempts, DateTimeOffset WindowStartsAt, DateTimeOffset LastAttemptAt);

/// <summary>
/// Counters of attempts per subject (table AttemptCounters), shared by every instance: failed password attempts per
/// account, per client address and per both, and registrations per e-mail domain. Subjects are opaque strings the
/// caller makes (hashed, so no address or e-mail is stored). A counter starts again when its window has passed.
/// These are technical counters, not changes a person made: they write no audit line.
/// </summary>
public sealed class AttemptCounters(Db db)
{
    /// <summary>Counters older than this are deleted when a new attempt is recorded.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>The counters of these subjects whose window started after <paramref name="windowStart"/>.</summary>
    public async Task<IReadOnlyList<AttemptCount>> GetAsync(IReadOnlyCollection<string> subjects, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT Subject, Attempts, WindowStartsAt, LastAttemptAt
            FROM AttemptCounters
            WHERE Subject IN @Subjects AND WindowStartsAt > @WindowStart
            """;
        if (subjects.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CounterRow>(new CommandDefinition(Sql, new { Subjects = subjects.ToArray(), WindowStart = windowStart }, cancellationToken: cancellationToken));
        return rows.Select(r => new AttemptCount(r.Subject, r.Attempts, r.WindowStartsAt, r.LastAttemptAt)).ToList();
    }

    /// <summary>Counts one attempt for each subject (a counter whose window started before <paramref name="windowStart"/> starts again at 1).</summary>
    public async Task RecordAsync(IReadOnlyCollection<string> subjects, DateTimeOffset now, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        const string UpdateSql = """
            UPDATE AttemptCounters SET
                Attempts = CASE WHEN WindowStartsAt > @WindowStart THEN Attempts + 1 ELSE 1 END,
                WindowStartsAt = CASE WHEN WindowStartsAt > @WindowStart THEN WindowStartsAt ELSE @Now END,
                LastAttemptAt = @Now
            WHERE Subject = @Subject
            """;
        const string InsertSql = """
            INSERT INTO AttemptCounters (Subject, Attempts, WindowStartsAt, LastAttemptAt)
            VALUES (@Subject, 1, @Now, @Now)
            """;
        const string PruneSql = "DELETE FROM AttemptCounters WHERE LastAttemptAt < @Cutoff";
        // Read-then-insert: two instances may insert the same new subject at once; the loser retries as an update.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await db.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var subject in subjects)
                {
                    var parameters = new { Subject = subject, Now = now, WindowStart = windowStart };
                    if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken));
                    }
                }

                await connection.ExecuteAsync(new CommandDefinition(PruneSql, new { Cutoff = now - Retention }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Forgets these subjects (after a successful sign-in, or a password reset).</summary>
    public async Task ClearAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken)
    {
        const string Sql = "DELETE FROM AttemptCounters WHERE Subject IN @Subjects";
        if (subjects.Count == 0)
        {
            return;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { Subjects = subjects.ToArray() }, cancellationToken: cancellationToken));
    }

    private sealed class CounterRow
    {
        public string Subject { get; set; } = "";

        public int Attempts { get; set; }

        public DateTimeOffset WindowStartsAt { get; set; }

        public DateTimeOffset LastAttemptAt { get; set; }
    }
}
