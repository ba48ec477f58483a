using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace KennisHub.Core.Data;

/// <summary>
/// The one named place where SQLite and SQL Server differ. Every other SQL statement in KennisHub is portable
/// and lives next to the method that runs it. Each member here holds a literal per dialect, so the T-SQL check
/// (tests) can parse the SQL Server side without a server. Keep this list short; docs/ARCHITECTURE.md lists it.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The folder under db/ that holds this dialect's migrations.</summary>
    public abstract string MigrationsFolder { get; }

    /// <summary>Appended after an ORDER BY clause: skips @Skip rows and returns at most @Take.</summary>
    public abstract string PagingClause { get; }

    /// <summary>Runs once on every new physical connection (per-connection settings).</summary>
    public abstract string? ConnectionSetup { get; }

    /// <summary>
    /// True when this open connection has not had <see cref="ConnectionSetup"/> yet. A pooled connection keeps its
    /// settings, so the setup runs once per physical connection, not on every open (three statements saved on
    /// each of a request's opens).
    /// </summary>
    public virtual bool NeedsSetup(DbConnection connection) => ConnectionSetup is not null;

    /// <summary>Records that <see cref="ConnectionSetup"/> ran on this physical connection.</summary>
    public virtual void SetupDone(DbConnection connection)
    {
    }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Adds the dialect's paging clause to a statement that ends with ORDER BY.</summary>
    public string Page(string sqlEndingWithOrderBy) => sqlEndingWithOrderBy.TrimEnd() + "\n" + PagingClause;

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteDialect.Instance,
        DatabaseProvider.SqlServer => SqlServerDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Onbekende databaseprovider."),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string MigrationsFolder => "sqlite";

    public override string PagingClause => "LIMIT @Take OFFSET @Skip";

    // synchronous=FULL: an acknowledged commit survives a power cut in WAL mode. foreign_keys is off by default
    // in SQLite and is per connection. busy_timeout lets writers queue instead of failing at once.
    public override string? ConnectionSetup => "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    // The native handle outlives the SqliteConnection object while it sits in the pool; when the pool closes it, the
    // handle is collected and its entry goes with it.
    private static readonly ConditionalWeakTable<object, object> PreparedHandles = [];
    private static readonly object Prepared = new();

    public override bool NeedsSetup(DbConnection connection)
        => connection is not SqliteConnection { Handle: { } handle } || !PreparedHandles.TryGetValue(handle, out _);

    public override void SetupDone(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            PreparedHandles.AddOrUpdate(handle, Prepared);
        }
    }

    /// <summary>WAL is a property of the database file: set once when the database is created.</summary>
    public const string EnableWriteAheadLog = "PRAGMA journal_mode = WAL;";

    [SuppressMessage("ApiDesign", "RS0030", Justification = "The one factory of SQLite connections: Db.OpenAsync wraps what it returns.")]
    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);
}

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string MigrationsFolder => "sqlserver";

    public override string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public override string? ConnectionSetup => null;

    [SuppressMessage("ApiDesign", "RS0030", Justification = "The one factory of SQL Server connections: Db.OpenAsync wraps what it returns.")]
    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);
}
