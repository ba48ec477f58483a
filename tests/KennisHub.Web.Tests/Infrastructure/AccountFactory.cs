using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>
/// The real site with the four demo accounts (password <see cref="DemoPassword"/>), a clock tests can move, and a
/// security stamp check only once an hour: revocations and role changes must take effect without it.
/// </summary>
public class AccountFactory : KennisHubFactory
{
    public const string DemoPassword = "demo-wachtwoord-voor-tests";

    public TestClock Clock { get; } = new();

    /// <summary>A content folder the first run imports (none by default).</summary>
    protected virtual string? ContentFolder => null;

    protected override IDictionary<string, string?> Settings => WithContent(new Dictionary<string, string?>
    {
        // Far longer than any test: what must take effect at once (sign-out, revocation, a role change) may not lean on
        // the periodic stamp check.
        ["Identity:SecurityStampValidationInterval"] = "01:00:00",
        ["Seed:DemoAccounts"] = "true",
        ["Seed:DemoPassword"] = DemoPassword,

        // Every test client shares one address: the per-address sign-in and registration limits would stop the suite.
        ["Security:SignIn:PermitLimit"] = "100000",
        ["Security:Registration:PermitLimit"] = "100000",

        // Each test address has its own domain (AccountTestData.NewEmail), so a low per-domain limit can be tested.
        ["Security:RegistrationPerDomain:PermitLimit"] = "3",
    });

    private IDictionary<string, string?> WithContent(Dictionary<string, string?> settings)
    {
        if (ContentFolder is { } folder)
        {
            settings["Content:Folder"] = folder;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>Tests only: a request with X-Test-Adres comes from that client address (TestServer has none of its own).</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Adres";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[Header], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A clock that starts at the real time and only moves when a test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
