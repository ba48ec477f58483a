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

    [Fact]
    public async Task Migration_0002_moves_existing_bodies_into_their_own_tables_and_they_go_with_their_article()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        var scripts = DatabaseMigrator.Scripts(db.Dialect);
        var initial = scripts.Single(s => s.Name.StartsWith("0001_", StringComparison.Ordinal));
        var upgrade = DbUp.DeployChanges.To.SqliteDatabase(db.ConnectionString)
            .WithScripts(new DbUp.Engine.SqlScript(initial.Name, initial.Sql)).Build().PerformUpgrade();
        upgrade.Successful.ShouldBeTrue();
        var articleId = Guid.NewGuid();
        var themeId = Guid.NewGuid();
        await using (var connection = await db.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("""
                INSERT INTO Articles (Id, Slug, Title, Summary, BodyMarkdown, BodyHtml, BodyText, Visibility, CreatedAt, UpdatedAt)
                VALUES (@ArticleId, 'bomen', 'Bomen', 's', '# Bomen', '<h1>Bomen</h1>', 'Bomen', 'Public', @Now, @Now);
                INSERT INTO Themes (Id, Slug, Title, Summary, BodyMarkdown, BodyHtml, BodyText, Visibility, CreatedAt, UpdatedAt)
                VALUES (@ThemeId, 'groen', 'Groen', 's', '*Groen*', '<p><em>Groen</em></p>', 'Groen', 'Public', @Now, @Now);
                """, new { ArticleId = articleId, ThemeId = themeId, Now = DateTimeOffset.UtcNow });
        }

        new DatabaseMigrator(db).Migrate().ShouldContain(name => name.StartsWith("0002_", StringComparison.Ordinal));

        await using var migrated = await db.OpenAsync(TestContext.Current.CancellationToken);
        (await migrated.QuerySingleAsync<(string BodyMarkdown, string BodyHtml, string BodyText)>(
            "SELECT BodyMarkdown, BodyHtml, BodyText FROM ArticleBodies WHERE ArticleId = @articleId", new { articleId }))
            .ShouldBe(("# Bomen", "<h1>Bomen</h1>", "Bomen"));
        (await migrated.QuerySingleAsync<string>("SELECT BodyHtml FROM ThemeBodies WHERE ThemeId = @themeId", new { themeId }))
            .ShouldBe("<p><em>Groen</em></p>");
        (await migrated.QueryAsync<string>("SELECT name FROM pragma_table_info('Articles')")).ShouldNotContain("BodyHtml");
        await migrated.ExecuteAsync("DELETE FROM Articles WHERE Id = @articleId", new { articleId });
        (await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ArticleBodies")).ShouldBe(0);
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
