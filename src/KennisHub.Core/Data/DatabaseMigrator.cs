using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using KennisHub.Core.Revisions;
using Microsoft.Data.Sqlite;

namespace KennisHub.Core.Data;

/// <summary>
/// Applies the numbered plain-SQL migrations under db/{dialect}/ (embedded in this assembly) with DbUp.
/// Runs at start-up and from the <c>migrate</c> command; a script that already ran is never run again.
/// </summary>
public sealed class DatabaseMigrator(Db db)
{
    /// <summary>DbUp's journal of applied scripts (its default name on both providers).</summary>
    public const string JournalTable = "SchemaVersions";

    /// <summary>The migration scripts for a dialect, in the order they run: (name, sql).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts(SqlDialect dialect)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = $"db/{dialect.MigrationsFolder}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (name[prefix.Length..], ReadResource(assembly, name)))
            .ToList();
    }

    /// <summary>Brings the schema up to date and returns the names of the scripts that ran.</summary>
    public IReadOnlyList<string> Migrate(IUpgradeLog? log = null)
    {
        if (db.Dialect is SqliteDialect)
        {
            PrepareSqliteFile(db.ConnectionString);
        }

        var scripts = Scripts(db.Dialect).Select(s => new SqlScript(s.Name, s.Sql)).ToList();
        var builder = db.Dialect switch
        {
            SqliteDialect => DeployChanges.To.SqliteDatabase(db.ConnectionString),
            SqlServerDialect => DeployChanges.To.SqlDatabase(db.ConnectionString),
            _ => throw new InvalidOperationException("Onbekend SQL-dialect."),
        };

        var engine = builder
            .WithScripts(scripts)
            .WithTransactionPerScript()
            .LogTo(log ?? new NoOpUpgradeLog())
            .Build();

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Databasemigratie {result.ErrorScript?.Name} is mislukt: {result.Error.Message}", result.Error);
        }

        if (db.Dialect is SqlServerDialect)
        {
            CreateSqlServerFullTextIndex(db.ConnectionString);
        }

        // Values SQL cannot compute for rows written before a migration added their columns (revision fingerprints).
        RevisionBackfill.RunAsync(db).GetAwaiter().GetResult();
        return result.Scripts.Select(s => s.Name).ToList();
    }

    /// <summary>The full-text catalog and index (search), which SQL Server refuses inside the per-script transaction.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030", Justification = "A DDL step outside any transaction; runs no query with parameters.")]
    private static void CreateSqlServerFullTextIndex(string connectionString)
    {
        using var connection = new Microsoft.Data.SqlClient.SqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqlServerDialect.CreateFullTextIndex;
        command.ExecuteNonQuery();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030", Justification = "Sets WAL on the file before any schema exists; runs no query.")]
    private static void PrepareSqliteFile(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteDialect.EnableWriteAheadLog;
        command.ExecuteNonQuery();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migratie {name} ontbreekt in de assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
