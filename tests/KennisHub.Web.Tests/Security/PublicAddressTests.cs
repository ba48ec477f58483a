using System.Net;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KennisHub.Web.Tests.Security;

/// <summary>
/// Outside Development the public address comes from configuration, never from the Host header: the site refuses to
/// start without Email:LinkBaseUrl, AllowedHosts (set in appsettings.Production.json) must admit it, and a forged
/// Host is refused. Each case starts its own host in the Production environment, because start-up is what is tested.
/// </summary>
public sealed class PublicAddressTests
{
    [Fact]
    public void Outside_Development_the_site_refuses_to_start_without_Email_LinkBaseUrl_and_says_what_to_set()
    {
        using var factory = new ProductionFactory(linkBaseUrl: "");

        var failure = Should.Throw<Exception>(() => factory.CreateClient());

        AllMessages(failure).ShouldContain("Email:LinkBaseUrl ontbreekt");
        AllMessages(failure).ShouldContain("Email__LinkBaseUrl=https://");
    }

    [Fact]
    public void The_production_AllowedHosts_must_admit_the_host_of_Email_LinkBaseUrl()
    {
        // appsettings.Production.json names kennishub.example: a different public address is a configuration error.
        using var factory = new ProductionFactory(linkBaseUrl: "https://kennishub.gemeente.nl");

        var failure = Should.Throw<Exception>(() => factory.CreateClient());

        AllMessages(failure).ShouldContain("AllowedHosts (kennishub.example) laat de host van Email:LinkBaseUrl (kennishub.gemeente.nl) niet toe");
    }

    [Fact]
    public async Task Configured_the_site_refuses_a_forged_Host_and_security_txt_names_the_configured_address()
    {
        using var factory = new ProductionFactory(linkBaseUrl: "https://kennishub.example/");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://kennishub.example"), AllowAutoRedirect = false });

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/.well-known/security.txt");
        forged.Headers.Host = "evil.example";
        using var forgedResponse = await client.SendAsync(forged, TestContext.Current.CancellationToken);
        var text = await client.GetStringAsync("/.well-known/security.txt", TestContext.Current.CancellationToken);

        forgedResponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldContain("Canonical: https://kennishub.example/.well-known/security.txt");
    }

    private static string AllMessages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(AllMessages));
            }
        }

        return string.Join(" | ", messages);
    }

    private sealed class ProductionFactory(string linkBaseUrl) : KennisHubFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:LinkBaseUrl"] = linkBaseUrl,
            ["Content:Folder"] = Path.Combine(Path.GetTempPath(), "kennishub-tests", "geen-inhoud-" + Guid.NewGuid().ToString("N")),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
