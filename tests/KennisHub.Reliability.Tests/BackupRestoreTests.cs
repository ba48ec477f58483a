using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;
using KennisHub.Core.Security;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_backup_command_copies_a_live_database_that_a_new_site_starts_from()
    {
        using var database = new TempDatabase();
        await using (await SiteProcess.StartAsync(database.ConnectionString, Ct))
        {
            var db = new Db(DatabaseProvider.Sqlite, database.ConnectionString);
            var before = await WriteAsync(db, 300);

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await WriteAsync(db, 5);
                }
            }, Ct);
            var copy = Path.Combine(database.Folder, "reservekopie", "kennishub.db");
            var (exitCode, output) = await RunBackupAsync(database.ConnectionString, copy);
            await stop.CancelAsync();
            await writer;

            exitCode.ShouldBe(0, output);
            output.ShouldContain("integriteitscontrole: ok");
            (await DatabaseBackup.CheckSqliteIntegrityAsync(copy, Ct)).ShouldBe("ok");
            await using (var connection = await new Db(DatabaseProvider.Sqlite, $"Data Source={copy};Pooling=False").OpenAsync(Ct))
            {
                var present = (await connection.QueryAsync<Guid>("SELECT SubjectId FROM AuditLog WHERE SubjectKind = 'Backup'")).ToHashSet();
                before.ShouldAllBe(id => present.Contains(id));
            }

            // Restore = start the site on the copy.
            await using var restored = await SiteProcess.StartAsync($"Data Source={copy}", Ct);
            using var client = new HttpClient { BaseAddress = restored.Address, Timeout = TimeSpan.FromSeconds(30) };
            (await client.GetAsync("/health", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunBackupAsync(string connectionString, string copy)
    {
        using var process = Programs.Start(Programs.WebDll, ["backup", copy], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = connectionString,
        });
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static async Task<List<Guid>> WriteAsync(Db db, int count)
    {
        var ids = new List<Guid>();
        await using var connection = await db.OpenAsync();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            await AuditLog.WriteAsync(connection, null, new AuditEntry("backup.test", "Backup", id, "rij", null, "test"));
            ids.Add(id);
        }

        return ids;
    }
}
