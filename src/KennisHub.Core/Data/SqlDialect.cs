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

    /// <summary>Another writer held the database (SQLite busy or locked) or won a deadlock (SQL Server): start the write again.</summary>
    public abstract bool IsWriteContention(DbException exception);

    // ---- search (Core/Search): the full-text engine is the one part of a query that differs by database ----

    /// <summary>Adds a document's analysed text to the full-text index: @DocId, @Title, @Keywords, @Summary, @Context, @Body.</summary>
    public abstract string SearchTextInsert { get; }

    /// <summary>Removes a document's analysed text from the full-text index: @DocId.</summary>
    public abstract string SearchTextDelete { get; }

    /// <summary>Title-index matches the reader may see, best first: DocId, Score (lower is better). @Match, @Visibilities, @Limit.</summary>
    public abstract string SearchTitleCandidates { get; }

    /// <summary>All-text matches the reader may see, at most @Limit, in the engine's cheap order: DocId, Score (lower is better).</summary>
    public abstract string SearchBodyCandidates { get; }

    /// <summary>Of @Ids, the documents whose text matches @Match (used for exclusions): DocId.</summary>
    public abstract string SearchMatchingAmong { get; }

    /// <summary>Empties the full-text index (before a reindex).</summary>
    public abstract string SearchTextClear { get; }

    /// <summary>The full-text condition syntax this engine takes.</summary>
    public abstract FullTextSyntax FullTextSyntax { get; }

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

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), extended codes included.
    public override bool IsWriteContention(DbException exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };
    public override string SearchTextInsert => """
        INSERT INTO SearchTitles (rowid, title, keywords, summary, context) VALUES (@DocId, @Title, @Keywords, @Summary, @Context);
        INSERT INTO SearchBodies (rowid, body) VALUES (@DocId, @Body);
        """;

    public override string SearchTextDelete => "DELETE FROM SearchTitles WHERE rowid = @DocId; DELETE FROM SearchBodies WHERE rowid = @DocId;";

    public override string SearchTextClear => "DELETE FROM SearchTitles; DELETE FROM SearchBodies;";

    // CROSS JOIN keeps the FTS index the outer loop (SQLite does not reorder it); bm25 weights title, keywords,
    // summary, context. The title index is small enough to rank whole.
    public override string SearchTitleCandidates => """
        SELECT SearchTitles.rowid AS DocId, bm25(SearchTitles, 10.0, 6.0, 3.0, 2.0) AS Score
        FROM SearchTitles CROSS JOIN SearchDocuments d
        WHERE SearchTitles MATCH @Match AND d.DocId = SearchTitles.rowid AND d.Visibility IN @Visibilities
        ORDER BY Score
        LIMIT @Limit
        """;

    // Newest first and stopping after @Limit matches: a word in most of the articles costs @Limit rows, not all of them.
    public override string SearchBodyCandidates => """
        SELECT SearchBodies.rowid AS DocId, bm25(SearchBodies) AS Score
        FROM SearchBodies CROSS JOIN SearchDocuments d
        WHERE SearchBodies MATCH @Match AND d.DocId = SearchBodies.rowid AND d.Visibility IN @Visibilities
        ORDER BY SearchBodies.rowid DESC
        LIMIT @Limit
        """;

    public override string SearchMatchingAmong => "SELECT rowid AS DocId FROM SearchBodies WHERE SearchBodies MATCH @Match AND rowid IN @Ids";

    public override FullTextSyntax FullTextSyntax => FullTextSyntax.Fts5;

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

    // 1205: chosen as the deadlock victim.
    public override bool IsWriteContention(DbException exception) => exception is SqlException { Number: 1205 };
    public override string SearchTextInsert => """
        INSERT INTO SearchText (DocId, Title, Keywords, Summary, Context, Body) VALUES (@DocId, @Title, @Keywords, @Summary, @Context, @Body)
        """;

    public override string SearchTextDelete => "DELETE FROM SearchText WHERE DocId = @DocId";

    public override string SearchTextClear => "DELETE FROM SearchText";

    public override string SearchTitleCandidates => """
        SELECT ft.[KEY] AS DocId, -CAST(ft.[RANK] AS FLOAT) AS Score
        FROM CONTAINSTABLE(SearchText, (Title, Keywords, Summary, Context), @Match, @Limit) AS ft
        INNER JOIN SearchDocuments d ON d.DocId = ft.[KEY]
        WHERE d.Visibility IN @Visibilities
        ORDER BY Score
        """;

    public override string SearchBodyCandidates => """
        SELECT ft.[KEY] AS DocId, -CAST(ft.[RANK] AS FLOAT) AS Score
        FROM CONTAINSTABLE(SearchText, Body, @Match, @Limit) AS ft
        INNER JOIN SearchDocuments d ON d.DocId = ft.[KEY]
        WHERE d.Visibility IN @Visibilities
        ORDER BY Score
        """;

    public override string SearchMatchingAmong => "SELECT DocId FROM SearchText WHERE CONTAINS(Body, @Match) AND DocId IN @Ids";

    public override FullTextSyntax FullTextSyntax => FullTextSyntax.Contains;

    /// <summary>
    /// Run by DatabaseMigrator after the scripts, outside their transaction (SQL Server refuses these inside one).
    /// LANGUAGE 1043 (Dutch) on text that DutchAnalyzer already reduced, so both databases match the same terms.
    /// </summary>
    public const string CreateFullTextIndex = """
        IF FULLTEXTCATALOGPROPERTY('KennisHubCatalog', 'AccentSensitivity') IS NULL
            CREATE FULLTEXT CATALOG KennisHubCatalog;
        IF OBJECTPROPERTY(OBJECT_ID('SearchText'), 'TableFulltextCatalogId') = 0
            CREATE FULLTEXT INDEX ON SearchText (Title LANGUAGE 1043, Keywords LANGUAGE 1043, Summary LANGUAGE 1043, Context LANGUAGE 1043, Body LANGUAGE 1043)
            KEY INDEX PK_SearchText ON KennisHubCatalog WITH CHANGE_TRACKING AUTO;
        """;

    [SuppressMessage("ApiDesign", "RS0030", Justification = "The one factory of SQL Server connections: Db.OpenAsync wraps what it returns.")]
    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);
}

/// <summary>How a full-text condition is written: SQLite FTS5 MATCH or SQL Server CONTAINS.</summary>
public enum FullTextSyntax
{
    Fts5,
    Contains,
}
