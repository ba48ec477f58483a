using System.Net.Sockets;
using KennisHub.Core.Data;
using KennisHub.Core.Tests.Infrastructure;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(SqlServerInstance.Lifetime))]

namespace KennisHub.Core.Tests.Infrastructure;

/// <summary>
/// SQL Server for the live data tests: a fresh database per fixture on the one server of this test run
/// (<see cref="SqlServerInstance"/>). Without a server the tests are skipped with the reason, never passed.
/// </summary>
public sealed class SqlServerFixture : DatabaseFixture
{
    public const string ConnectionStringVariable = SqlServerInstance.ConnectionStringVariable;

    private string? serverConnectionString;
    private string? databaseName;

    protected override async Task<string?> FindSkipReasonAsync()
    {
        var server = await SqlServerInstance.GetAsync();
        serverConnectionString = server.ConnectionString;
        return server.SkipReason;
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

/// <summary>
/// The one SQL Server of a test run, found once: the server named by KENNISHUB_TEST_SQLSERVER; else, when a Docker
/// engine answers a ping, a SQL Server 2022 container (Testcontainers), stopped when the run ends; else a skip reason.
/// </summary>
public static class SqlServerInstance
{
    public const string ConnectionStringVariable = "KENNISHUB_TEST_SQLSERVER";
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private static readonly Lazy<Task<(string? ConnectionString, string? SkipReason)>> Server = new(FindAsync);
    private static MsSqlContainer? container;

    public static Task<(string? ConnectionString, string? SkipReason)> GetAsync() => Server.Value;

    /// <summary>Why no Docker engine can be used at <paramref name="dockerHost"/> (DOCKER_HOST syntax), or null when one answers.</summary>
    public static async Task<string?> DockerUnavailableReasonAsync(string? dockerHost)
    {
        var endpoint = string.IsNullOrWhiteSpace(dockerHost) ? "unix:///var/run/docker.sock" : dockerHost;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return $"DOCKER_HOST={endpoint} is geen adres";
        }

        using var handler = new SocketsHttpHandler();
        Uri ping;
        if (uri.Scheme == "unix")
        {
            if (!File.Exists(uri.LocalPath))
            {
                return $"geen Docker-engine ({uri.LocalPath} bestaat niet)";
            }

            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(uri.LocalPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            ping = new Uri("http://docker/_ping");
        }
        else if (uri.Scheme is "tcp" or "http" or "https")
        {
            var tls = uri.Scheme == "https" || Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is "1";
            ping = new UriBuilder(tls ? "https" : "http", uri.Host, uri.Port, "/_ping").Uri;
        }
        else
        {
            return $"DOCKER_HOST={endpoint}: dit schema wordt niet herkend";
        }

        // A probe, not a measurement: an engine that does not answer within seconds is not one to start SQL Server on.
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(ping);
            return response.IsSuccessStatusCode ? null : $"de Docker-engine op {endpoint} antwoordt {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or SocketException or IOException)
        {
            return $"geen Docker-engine op {endpoint} ({exception.Message})";
        }
    }

    private static async Task<(string?, string?)> FindAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, null);
        }

        var dockerProblem = await DockerUnavailableReasonAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"));
        if (dockerProblem is not null)
        {
            return (null, $"SQL Server niet beschikbaar: {ConnectionStringVariable} is niet gezet en {dockerProblem}. "
                + $"Zet {ConnectionStringVariable} op een connection string of start Docker om deze test live te draaien.");
        }

        // Docker answers: from here on a failure to start SQL Server is a failure, not a skip.
        container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        return (container.GetConnectionString(), null);
    }

    /// <summary>Stops the container (if this run started one) when the test assembly is done.</summary>
    public sealed class Lifetime : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }
}
