using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Security;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

public sealed class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task A_writer_killed_hard_mid_burst_loses_no_acknowledged_row_and_leaves_a_sound_file(int rowsPerTransaction)
    {
        using var database = new TempDatabase();
        var acknowledged = new List<Guid>();
        var random = new Random(rowsPerTransaction);

        for (var round = 0; round < 3; round++)
        {
            acknowledged.AddRange(await RunAndKillAsync(database.ConnectionString, rowsPerTransaction, killAfter: random.Next(50, 400)));
        }

        (await DatabaseBackup.CheckSqliteIntegrityAsync(database.File, Ct)).ShouldBe("ok");
        await using var connection = await new Db(DatabaseProvider.Sqlite, database.ConnectionString).OpenAsync(Ct);
        var stored = (await connection.QueryAsync<Guid>("SELECT SubjectId FROM AuditLog WHERE SubjectKind = 'CrashTest'")).ToHashSet();
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(150);
        acknowledged.Where(id => !stored.Contains(id)).ShouldBeEmpty("Bevestigde rijen ontbreken na de harde stop.");

        // Whole transactions only: a killed transaction leaves none of its rows behind.
        (stored.Count % rowsPerTransaction).ShouldBe(0);
    }

    /// <summary>Starts the writer, waits (at most 60 s) for <paramref name="killAfter"/> acknowledgements, kills it hard.</summary>
    private static async Task<List<Guid>> RunAndKillAsync(string connectionString, int rowsPerTransaction, int killAfter)
    {
        using var writer = Programs.Start(Programs.WriterDll, [connectionString, rowsPerTransaction.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var acknowledged = new List<Guid>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (acknowledged.Count < killAfter && await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Guid.TryParse(line, out var id))
                {
                    acknowledged.Add(id);
                }
            }
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
        }

        // Lines printed before the kill but not yet read are acknowledgements too.
        var rest = await writer.StandardOutput.ReadToEndAsync(Ct);
        acknowledged.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => Guid.TryParse(l, out _)).Select(Guid.Parse));
        await writer.WaitForExitAsync(Ct);
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(killAfter, await writer.StandardError.ReadToEndAsync(Ct));
        return acknowledged;
    }
}
