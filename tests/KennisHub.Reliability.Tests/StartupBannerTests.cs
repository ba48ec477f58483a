using System.Text.Json;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

/// <summary>Starting the site: the address the person chose is the one it listens on, and the banner says which.</summary>
public sealed class StartupBannerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_start_up_banner_prints_the_address_the_site_really_listens_on()
    {
        using var database = new TempDatabase();
        await using var site = await SiteProcess.StartAsync(database.ConnectionString, Ct);

        var expected = site.Address.ToString().TrimEnd('/');
        for (var i = 0; i < 40 && !site.Log.Contains("KennisHub luistert op:", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Ct);
        }

        site.Log.ShouldContain($"KennisHub luistert op: {expected}");
    }

    [Fact]
    public void The_launch_profile_sets_no_address_so_urls_and_ASPNETCORE_URLS_are_respected()
    {
        var path = Path.Combine(Programs.RepositoryRoot, "src", "KennisHub.Web", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path));

        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            profile.Value.TryGetProperty("applicationUrl", out _).ShouldBeFalse($"profiel {profile.Name} zet applicationUrl");
            if (profile.Value.TryGetProperty("environmentVariables", out var variables))
            {
                variables.TryGetProperty("ASPNETCORE_URLS", out _).ShouldBeFalse($"profiel {profile.Name} zet ASPNETCORE_URLS");
            }
        }
    }
}
