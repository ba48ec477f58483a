using KennisHub.Core.Data;
using Microsoft.Data.SqlClient;

namespace KennisHub.Core.Tests.Infrastructure;

/// <summary>
/// SQL Server for the live data tests: a fresh database on the server named by the environment variable
/// KENNISHUB_TEST_SQLSERVER (a connection string). Without it the tests are skipped with that reason.
/// </summary>
public sealed class SqlServerFixture : DatabaseFixture
{
    public const string ConnectionStringVariable = "KENNISHUB_TEST_SQLSERVER";

    private string? serverConnectionString;
    private string? databaseName;

    protected override Task<string?> FindSkipReasonAsync()
    {
        serverConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        return Task.FromResult(string.IsNullOrWhiteSpace(serverConnectionString)
            ? $"SQL Server niet beschikbaar: zet {ConnectionStringVariable} op een connection string om deze test live te draaien."
            : null);
    }

    protected override async Task<Db> CreateAsync()
    {
        databaseName = "kennishub_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new SqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{databaseName}]";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = databaseName };
        return new Db(DatabaseProvider.SqlServer, builder.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (databaseName is null)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER DATABASE [{databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{databaseName}]";
        await command.ExecuteNonQueryAsync();
    }
}
