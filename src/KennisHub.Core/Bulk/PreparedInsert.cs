using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KennisHub.Core.Bulk;

/// <summary>
/// One INSERT statement made once and run for many rows: the command, its parameters and (on SQLite) its compiled
/// statement are reused, only the values change. Values are written the way <c>DapperTypeHandlers</c> writes them
/// (Guids as lower-case text and times as UTC ISO-8601 text on SQLite, native types on SQL Server; booleans as 0/1),
/// so bulk rows read back exactly like rows the site wrote. SQL Server caches the plan of a parameterised statement
/// by itself, so only SQLite is prepared explicitly.
/// </summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;
    private readonly bool sqlite;

    public PreparedInsert(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        sqlite = connection is SqliteConnection;
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + names[i];
            command.Parameters.Add(parameter);
            parameters[i] = parameter;
        }

        if (sqlite)
        {
            command.Prepare();
        }
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != parameters.Length)
        {
            throw new ArgumentException($"{parameters.Length} waarden verwacht, {values.Length} gekregen.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            Set(parameters[i], values[i]);
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Set(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                break;
            case Guid guid when sqlite:
                parameter.DbType = DbType.String;
                parameter.Value = guid.ToString("D");
                break;
            case DateTimeOffset time when sqlite:
                parameter.DbType = DbType.String;
                parameter.Value = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
                break;
            case DateTimeOffset time:
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = time.ToUniversalTime();
                break;
            case bool flag:
                parameter.DbType = sqlite ? DbType.Int32 : DbType.Boolean;
                parameter.Value = sqlite ? (flag ? 1 : 0) : flag;
                break;
            default:
                parameter.Value = value;
                break;
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
