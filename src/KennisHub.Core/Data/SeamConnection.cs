using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KennisHub.Core.Data;

/// <summary>
/// The connection <see cref="Db.OpenAsync"/> hands out: the provider's own, wrapped so that every command passes
/// one place before it runs. There the seam fixes, once, what Dapper and the providers get wrong between them:
/// <list type="bullet">
/// <item>Guids: Dapper expands <c>IN @Ids</c> into one parameter per item without our Guid type handler, and
/// Microsoft.Data.Sqlite binds a bare Guid as a 16-byte blob, which matches no stored (text) key. On SQLite every
/// Guid value becomes the lower-case text the keys are stored as.</item>
/// <item>Times: a <see cref="DateTime"/> parameter would be written as "2026-06-01 08:00:00" (SQLite) or compared as
/// a local wall-clock time (SQL Server), unlike the stored UTC DateTimeOffsets. Every DateTime becomes the same UTC
/// instant as a DateTimeOffset (text on SQLite); one without a kind (Unspecified) is refused: it names no instant.</item>
/// </list>
/// It also reports each command to <see cref="Diagnostics"/> (tests count round trips per page with it).
/// </summary>
public sealed class SeamConnection(DbConnection inner, Db db) : DbConnection
{
    /// <summary>Name of the <see cref="DiagnosticListener"/> that reports "KennisHub.Data.Command" per command run.</summary>
    public const string DiagnosticName = "KennisHub.Data";

    public const string CommandEvent = "KennisHub.Data.Command";

    public static readonly DiagnosticListener Diagnostics = new(DiagnosticName);

    /// <summary>The provider's connection (SqliteConnection or SqlConnection) for the few provider-specific calls.</summary>
    public DbConnection Inner { get; } = inner;

    /// <summary>The database this connection came from (its dialect, for the seams that take only a connection).</summary>
    public Db Db { get; } = db;

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Close() => Inner.Close();

    public override void Open() => Inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
        => await Inner.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false);

    protected override DbCommand CreateDbCommand() => new SeamCommand(Inner.CreateCommand(), this, Db);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>What a parameter value becomes before the provider sees it (see the class summary).</summary>
    public static object? Normalise(object? value, SqlDialect dialect) => value switch
    {
        Guid guid when dialect is SqliteDialect => guid.ToString("D"),
        DateTime { Kind: DateTimeKind.Unspecified } => throw new InvalidOperationException(
            "Een DateTime zonder tijdzone (Kind = Unspecified) als SQL-parameter noemt geen tijdstip: geef een DateTimeOffset (UTC)."),
        DateTime dateTime => Normalise(new DateTimeOffset(dateTime.ToUniversalTime(), TimeSpan.Zero), dialect),
        DateTimeOffset offset when dialect is SqliteDialect
            => offset.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => value,
    };

    private sealed class SeamCommand(DbCommand inner, SeamConnection connection, Db db) : DbCommand
    {
        [AllowNull]
        public override string CommandText
        {
            get => inner.CommandText;
            set => inner.CommandText = value;
        }

        public override int CommandTimeout
        {
            get => inner.CommandTimeout;
            set => inner.CommandTimeout = value;
        }

        public override CommandType CommandType
        {
            get => inner.CommandType;
            set => inner.CommandType = value;
        }

        public override bool DesignTimeVisible
        {
            get => inner.DesignTimeVisible;
            set => inner.DesignTimeVisible = value;
        }

        public override UpdateRowSource UpdatedRowSource
        {
            get => inner.UpdatedRowSource;
            set => inner.UpdatedRowSource = value;
        }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set
            {
                if (value is not SeamConnection)
                {
                    throw new InvalidOperationException("Een opdracht van een KennisHub-verbinding blijft bij die verbinding.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => inner.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => inner.Transaction;
            set => inner.Transaction = value;
        }

        public override void Cancel() => inner.Cancel();

        public override void Prepare() => inner.Prepare();

        protected override DbParameter CreateDbParameter() => inner.CreateParameter();

        public override int ExecuteNonQuery()
        {
            BeforeRun();
            return inner.ExecuteNonQuery();
        }

        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
        {
            BeforeRun();
            return inner.ExecuteNonQueryAsync(cancellationToken);
        }

        public override object? ExecuteScalar()
        {
            BeforeRun();
            return inner.ExecuteScalar();
        }

        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
        {
            BeforeRun();
            return inner.ExecuteScalarAsync(cancellationToken);
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            BeforeRun();
            return inner.ExecuteReader(behavior);
        }

        protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        {
            BeforeRun();
            return inner.ExecuteReaderAsync(behavior, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void BeforeRun()
        {
            foreach (DbParameter parameter in inner.Parameters)
            {
                var value = Normalise(parameter.Value, db.Dialect);
                var changed = !Equals(value, parameter.Value);
                if (changed)
                {
                    parameter.Value = value;
                }

                // A list item Dapper expanded without a handler arrives as DbType.Object (sql_variant on SQL Server,
                // which no index serves): give it the type of its value.
                var type = value switch
                {
                    string => DbType.String,
                    Guid => DbType.Guid,
                    DateTimeOffset => DbType.DateTimeOffset,
                    _ => (DbType?)null,
                };
                if (type is { } dbType && (changed || parameter.DbType == DbType.Object) && parameter.DbType != dbType)
                {
                    parameter.DbType = dbType;
                }
            }

            if (Diagnostics.IsEnabled(CommandEvent))
            {
                Diagnostics.Write(CommandEvent, new SeamCommandEvent(db, inner.CommandText));
            }
        }
    }
}

/// <summary>One command about to run: on which database and what.</summary>
public sealed record SeamCommandEvent(Db Db, string CommandText);
