using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrations_run_twice_change_nothing_the_second_time()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        var migrator = new DatabaseMigrator(db);

        var first = migrator.Migrate();
        var schemaAfterFirst = await SchemaAsync(db);
        var second = migrator.Migrate();

        first.ShouldNotBeEmpty();
        second.ShouldBeEmpty();
        (await SchemaAsync(db)).ShouldBe(schemaAfterFirst);
    }

    [Fact]
    public async Task The_embedded_database_runs_in_WAL_mode_with_foreign_keys_and_full_sync()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        new DatabaseMigrator(db).Migrate();

        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
        (await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys")).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")).ShouldBe(2); // FULL
    }

    private static async Task<List<string>> SchemaAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var rows = await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name");
        return rows.ToList();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
