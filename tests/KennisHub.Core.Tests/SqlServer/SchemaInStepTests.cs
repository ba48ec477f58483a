using KennisHub.Core.Data;
using KennisHub.SqlCheck;
using Microsoft.Data.Sqlite;

namespace KennisHub.Core.Tests.SqlServer;

/// <summary>db/sqlite and db/sqlserver describe the same schema: same tables, columns, nullability, keys and indexes.</summary>
public sealed class SchemaInStepTests : IDisposable
{
    private static readonly string Root = SqlLiteralCollector.RepositoryRoot();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Both_migration_folders_hold_the_same_numbered_scripts()
    {
        var sqlite = ScriptNames("sqlite");
        var sqlServer = ScriptNames("sqlserver");

        sqlite.ShouldNotBeEmpty();
        sqlServer.ShouldBe(sqlite, $"db/sqlite: {string.Join(", ", sqlite)}{Environment.NewLine}db/sqlserver: {string.Join(", ", sqlServer)}");
        sqlite.ShouldAllBe(name => char.IsAsciiDigit(name[0]) && name.EndsWith(".sql"));
    }

    [Fact]
    public void The_SQLite_and_SQL_Server_migrations_build_the_same_schema()
    {
        var sqlite = MigratedSqliteShape();
        var sqlServer = SchemaShape.FromSqlServerScripts(SqlServerScripts());

        sqlite.ShouldContain("Users PRIMARY KEY (Id)");
        sqlServer.ShouldContain("UserRoles FOREIGN KEY (UserId) REFERENCES Users (Id) ON DELETE CASCADE");
        var diff = SchemaShape.Diff(sqlite, sqlServer);
        diff.ShouldBeEmpty("db/sqlite en db/sqlserver lopen uiteen:" + Environment.NewLine + string.Join(Environment.NewLine, diff));
    }

    [Fact]
    public void A_schema_that_drifts_shows_up_in_the_diff()
    {
        var scripts = SqlServerScripts().ToList();
        var (name, sql) = scripts[0];
        scripts[0] = (name, sql
            .Replace("CREATE INDEX IX_Users_ApprovalStatus ON Users (ApprovalStatus);", "", StringComparison.Ordinal)
            .Replace("JobTitle        NVARCHAR(200)    NULL", "JobTitle        NVARCHAR(200)    NOT NULL", StringComparison.Ordinal)
            .Replace("Inhabitants         INT ", "Inhabitants         NVARCHAR(20) ", StringComparison.Ordinal));
        scripts.Add(("0099_later.sql", "ALTER TABLE Themes ADD Archived BIT NOT NULL DEFAULT 0;\nGO\nCREATE INDEX IX_Themes_Archived ON Themes (Archived);"));

        var diff = SchemaShape.Diff(MigratedSqliteShape(), SchemaShape.FromSqlServerScripts(scripts));

        diff.ShouldBe(
        [
            "+ alleen SQL Server: Memberships.JobTitle NOT NULL text",
            "- alleen SQLite:     Memberships.JobTitle NULL text",
            "- alleen SQLite:     Organisations.Inhabitants NULL integer",
            "+ alleen SQL Server: Organisations.Inhabitants NULL text",
            "+ alleen SQL Server: Themes INDEX IX_Themes_Archived (Archived)",
            "+ alleen SQL Server: Themes.Archived NOT NULL integer",
            "- alleen SQLite:     Users INDEX IX_Users_ApprovalStatus (ApprovalStatus)",
        ]);
    }

    private SortedSet<string> MigratedSqliteShape()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        new DatabaseMigrator(db).Migrate();
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        return SchemaShape.FromSqlite(connection);
    }

    private static IEnumerable<(string Name, string Sql)> SqlServerScripts()
        => ScriptNames("sqlserver").Select(name => (name, File.ReadAllText(Path.Combine(Root, "db", "sqlserver", name))));

    private static List<string> ScriptNames(string dialect)
        => Directory.GetFiles(Path.Combine(Root, "db", dialect), "*.sql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
