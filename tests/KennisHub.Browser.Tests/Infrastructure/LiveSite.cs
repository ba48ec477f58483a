using System.Net;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KennisHub.Browser.Tests.Infrastructure;

/// <summary>
/// The REAL site (KennisHubFactory: fresh SQLite file, environment "Testing") on Kestrel at 127.0.0.1 on a free port,
/// and Debian's Chromium driven by Playwright. One of each for the whole test run (a collection fixture):
/// every journey gets its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class LiveSite : KennisHubFactory, IAsyncLifetime
{
    /// <summary>Debian's Chromium (tools/test.sh installs it). Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public LiveSite() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the site listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException("De browser is nog niet gestart.");

    /// <summary>Password of the four demo accounts (DemoAccounts: beheerder@, atelier@, lobby@, lid@kennishub.example).</summary>
    public const string DemoPassword = "demo-wachtwoord-voor-browsertests";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Seed:DemoAccounts"] = "true",
        ["Seed:DemoPassword"] = DemoPassword,
        // Every journey signs in from the same address: the per-address limits would stop the suite.
        ["Security:SignIn:PermitLimit"] = "100000",
        ["Security:Registration:PermitLimit"] = "100000",
    };

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium ontbreekt op {ChromiumPath}. De browsertests gebruiken Debian's Chromium en downloaden nooit " +
                "een browser: run `bash tools/test.sh` (installeert het) of `apt-get install -y chromium`.");
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>All journeys share one site and one browser; xUnit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<LiveSite>
{
    public const string Name = "Live site";
}
