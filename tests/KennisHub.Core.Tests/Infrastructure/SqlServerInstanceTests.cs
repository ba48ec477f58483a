using System.Net.Sockets;
using System.Text;

namespace KennisHub.Core.Tests.Infrastructure;

/// <summary>How the live SQL Server tests decide between a container and a skip: the Docker probe.</summary>
public sealed class SqlServerInstanceTests
{
    [Fact]
    public async Task A_missing_docker_socket_is_a_reason_naming_the_socket()
    {
        var reason = await SqlServerInstance.DockerUnavailableReasonAsync("unix:///nonexistent/kennishub/docker.sock");

        reason.ShouldNotBeNull().ShouldContain("/nonexistent/kennishub/docker.sock");
    }

    [Fact]
    public async Task A_docker_host_nobody_listens_on_is_a_reason()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // the port is now closed: connecting is refused

        var reason = await SqlServerInstance.DockerUnavailableReasonAsync($"tcp://127.0.0.1:{port}");

        reason.ShouldNotBeNull().ShouldContain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task An_engine_that_answers_the_ping_on_its_socket_is_used()
    {
        var path = Path.Combine(Path.GetTempPath(), "kh-docker-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        server.Listen(1);
        var answer = Task.Run(async () =>
        {
            using var client = await server.AcceptAsync(TestContext.Current.CancellationToken);
            var buffer = new byte[4096];
            var read = await client.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            var request = Encoding.ASCII.GetString(buffer, 0, read);
            await client.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"), TestContext.Current.CancellationToken);
            return request;
        }, TestContext.Current.CancellationToken);

        try
        {
            var reason = await SqlServerInstance.DockerUnavailableReasonAsync("unix://" + path);

            reason.ShouldBeNull();
            (await answer).ShouldStartWith("GET /_ping HTTP/1.1");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
