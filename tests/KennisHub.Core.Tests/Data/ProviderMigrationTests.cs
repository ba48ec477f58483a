using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Data;

/// <summary>The migrations on each provider: journaled by DbUp, so a second run (the next deploy) finds nothing to do.</summary>
public abstract class ProviderMigrationTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task A_second_migrate_finds_nothing_to_do_and_the_journal_lists_every_script()
    {
        var again = new DatabaseMigrator(Db).Migrate();

        await using var connection = await Db.OpenAsync(Ct);
        var journal = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT ScriptName FROM SchemaVersions ORDER BY ScriptName", cancellationToken: Ct));
        again.ShouldBeEmpty();
        journal.ShouldBe(DatabaseMigrator.Scripts(Db.Dialect).Select(s => s.Name));
    }
}

public sealed class ProviderMigrationTestsOnSqlite(SqliteFixture database) : ProviderMigrationTests(database), IClassFixture<SqliteFixture>;

public sealed class ProviderMigrationTestsOnSqlServer(SqlServerFixture database) : ProviderMigrationTests(database), IClassFixture<SqlServerFixture>;
