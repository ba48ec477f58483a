using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;
using KennisHub.Core.Security;

namespace KennisHub.Core.Tests.Security;

public sealed class DatabaseBackupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_while_rows_are_written_is_sound_and_holds_every_row_committed_before_it()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        new DatabaseMigrator(db).Migrate();
        var committedBefore = await WriteAsync(db, 200);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await WriteAsync(db, 10);
            }
        }, Ct);
        var copy = Path.Combine(folder, "kopie", "reservekopie.db");
        await DatabaseBackup.BackupSqliteAsync(db.ConnectionString, copy, Ct);
        await stop.CancelAsync();
        await writer;

        (await DatabaseBackup.CheckSqliteIntegrityAsync(copy, Ct)).ShouldBe("ok");
        var restored = new Db(DatabaseProvider.Sqlite, $"Data Source={copy};Pooling=False");
        await using var connection = await restored.OpenAsync(Ct);
        var present = (await connection.QueryAsync<Guid>("SELECT SubjectId FROM AuditLog WHERE SubjectKind = 'Backup'")).ToHashSet();
        committedBefore.ShouldAllBe(id => present.Contains(id));
        new DatabaseMigrator(restored).Migrate().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        var existing = Path.Combine(folder, "bestaat.db");
        await File.WriteAllTextAsync(existing, "niet overschrijven", Ct);

        await Should.ThrowAsync<IOException>(() => DatabaseBackup.BackupSqliteAsync(db.ConnectionString, existing, Ct));
        (await File.ReadAllTextAsync(existing, Ct)).ShouldBe("niet overschrijven");
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS.
        }
    }
}
