using System.Net;
using KennisHub.Core.Content;
using KennisHub.Web.Tests.Infrastructure;
using KennisHub.Web.Tests.Knowledge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Caching;

/// <summary>
/// Two instances of the site on one database file, the second on a real Kestrel socket (the in-memory TestServer
/// writes no Server header, so that check needs the socket): a save on one is never followed by a stale page on the other.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string ArticlePath = "kennis/proef-openbaar-artikel.md";
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));
    private readonly string contentFolder;
    private readonly InstanceFactory writer;
    private readonly InstanceFactory reader;
    private HttpClient readerClient = null!;

    public TwoInstancesTests()
    {
        contentFolder = Path.Combine(dataFolder, "content");
        CopyFolder(KnowledgeFactory.ContentFixture, contentFolder);
        writer = new InstanceFactory(dataFolder, contentFolder, socket: false);
        reader = new InstanceFactory(dataFolder, contentFolder, socket: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = writer.Services; // the first instance migrates and imports
        reader.StartServer();
        var address = reader.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        readerClient = new HttpClient { BaseAddress = new Uri(address) };
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_page_cached_on_one_instance_shows_an_import_saved_on_the_other_at_once()
    {
        var before = await readerClient.GetAsync("/kennis/proef-openbaar-artikel", Ct);
        (await before.Content.ReadAsStringAsync(Ct)).ShouldContain("Proefartikel openbaar");
        var cached = await readerClient.GetAsync("/kennis/proef-openbaar-artikel", Ct);
        cached.Headers.Age.ShouldNotBeNull("de tweede keer komt de pagina uit de cache");
        var listBefore = await readerClient.GetStringAsync("/kennis", Ct);

        var file = Path.Combine(contentFolder, ArticlePath);
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace(
            "title: Proefartikel openbaar", "title: Proefartikel openbaar, herzien", StringComparison.Ordinal), Ct);
        var summary = await writer.Services.GetRequiredService<ContentImporter>().ImportAsync(contentFolder, cancellationToken: Ct);
        summary.Errors.ShouldBeEmpty();

        var after = await readerClient.GetAsync("/kennis/proef-openbaar-artikel", Ct);
        (await after.Content.ReadAsStringAsync(Ct)).ShouldContain("Proefartikel openbaar, herzien");
        after.Headers.Age.ShouldBeNull();
        after.Headers.ETag.ShouldNotBe(before.Headers.ETag);
        (await readerClient.GetStringAsync("/kennis", Ct)).ShouldContain("Proefartikel openbaar, herzien");
        listBefore.ShouldNotContain("herzien");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/kennis/proef-openbaar-artikel");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        (await readerClient.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/kennis/proef-openbaar-artikel")]
    [InlineData("/bestaat-niet")]
    [InlineData("/account/inloggen")]
    [InlineData("/favicon.ico")]
    public async Task Kestrel_on_a_real_socket_sends_no_Server_header(string url)
    {
        using var response = await readerClient.GetAsync(url, Ct);

        response.Headers.Server.ShouldBeEmpty();
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    public async ValueTask DisposeAsync()
    {
        readerClient.Dispose();
        await reader.DisposeAsync();
        await writer.DisposeAsync();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class InstanceFactory : KennisHubFactory
    {
        private readonly string contentFolder;

        public InstanceFactory(string dataFolder, string contentFolder, bool socket)
            : base(dataFolder)
        {
            this.contentFolder = contentFolder;
            if (socket)
            {
                UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            }
        }

        protected override bool StartFromTemplate => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Content:Folder"] = contentFolder,
        };
    }
}
