using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KennisHub.Core.Data;

/// <summary>
/// The connection factory: one connection per unit of work, opened with <c>await using</c>.
/// Repositories take a <see cref="Db"/> and write portable SQL; the few differences come from <see cref="Dialect"/>.
/// </summary>
public sealed class Db
{
    public Db(IOptions<DatabaseOptions> options)
        : this(options.Value.Provider, options.Value.ConnectionString
            ?? throw new InvalidOperationException("Database:ConnectionString is niet ingesteld."))
    {
    }

    public Db(DatabaseProvider provider, string connectionString)
    {
        Dialect = SqlDialect.For(provider);
        ConnectionString = connectionString;
        DapperTypeHandlers.Register();
    }

    public SqlDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>An open connection, wrapped in the <see cref="SeamConnection"/> that fixes Guid and time parameters.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SeamConnection(Dialect.CreateConnection(ConnectionString), this);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (Dialect.ConnectionSetup is { } setup && Dialect.NeedsSetup(connection.Inner))
            {
                await using var command = connection.Inner.CreateCommand();
                command.CommandText = setup;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                Dialect.SetupDone(connection.Inner);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The default embedded database: a SQLite file in the given folder.</summary>
    public static string SqliteFileConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "kennishub.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }
}
