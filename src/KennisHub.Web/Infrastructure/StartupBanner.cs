using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// Once the server listens, prints the addresses it really listens on (after --urls, ASPNETCORE_URLS or the default
/// http://localhost:5000 have been applied, and with the real port when port 0 was asked for), so the person who
/// started the site knows where to open it. Nothing when there are no addresses (the in-memory test server).
/// </summary>
public static class StartupBanner
{
    public static WebApplication PrintListeningAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Count == 0)
            {
                return;
            }

            Console.WriteLine();
            Console.WriteLine($"KennisHub luistert op: {string.Join("  ", addresses)}");
            Console.WriteLine("Ander adres of andere poort: dotnet run --project src/KennisHub.Web --urls http://localhost:8080 (of zet ASPNETCORE_URLS).");
            Console.WriteLine();
        });
        return app;
    }
}
