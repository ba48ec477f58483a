using System.Net;
using System.Net.Sockets;
using System.Text;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

/// <summary>The request limits on the real server (Kestrel), which the in-memory test server does not have.</summary>
public sealed class RealServerLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kestrel_refuses_oversized_bodies_with_and_without_length_and_a_NUL_in_the_path_never_with_500()
    {
        using var database = new TempDatabase();
        await using var site = await SiteProcess.StartAsync(database.ConnectionString, Ct);
        using var client = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(30) };
        var big = "tekst=" + new string('x', 2 * 1024 * 1024);

        using var withLength = await client.PostAsync("/", new StringContent(big, Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        withLength.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await withLength.Content.ReadAsStringAsync(Ct)).ShouldContain("Verzoek te groot");

        // A chunked body announces no length: Kestrel cuts it off while it streams in. Depending on timing the
        // client reads the 4xx, or finds the connection closed under it while still sending (a broken pipe).
        // Both are a refusal; a 2xx or a 5xx fails.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        try
        {
            using var withoutLength = await client.SendAsync(request, Ct);
            ((int)withoutLength.StatusCode).ShouldBeInRange(400, 499);
        }
        catch (HttpRequestException exception) when (exception.InnerException is IOException)
        {
            // Refused by closing the connection mid-body.
        }

        // The server is still healthy after the refusal.
        using var health = await client.GetAsync("/health", Ct);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await RawStatusLineAsync(site.Address, "GET /%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).ShouldStartWith("HTTP/1.1 400");
    }

    private static async Task<string> RawStatusLineAsync(Uri address, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Ct);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync(Ct) ?? "";
    }
}
