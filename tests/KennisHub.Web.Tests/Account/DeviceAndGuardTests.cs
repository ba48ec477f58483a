using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Tests.Account;

/// <summary>The small rules behind Profiel's device names, the password-guess waits and header-safe return addresses.</summary>
public sealed class DeviceAndGuardTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.0.0", "Edge", "Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36", "Chrome", "Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15", "Safari", "macOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/139.0 Mobile/15E148 Safari/604.1", "Chrome", "iPhone")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0 Mobile Safari/537.36", "Samsung Internet", "Android")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox", "Linux")]
    [InlineData("curl/8.5.0", null, null)]
    [InlineData("", null, null)]
    public void A_User_Agent_becomes_a_browser_and_a_system_a_person_recognises(string userAgent, string? browser, string? system)
        => DeviceDescription.Parse(userAgent).ShouldBe((browser, system));

    [Fact]
    public void The_wait_after_the_free_failures_doubles_from_thirty_seconds_up_to_fifteen_minutes()
    {
        var guard = new PasswordGuard(new AttemptCounters(new Db(DatabaseProvider.Sqlite, "Data Source=:memory:")), TimeProvider.System, Options.Create(new SecurityOptions()));

        var waits = Enumerable.Range(1, 12).Select(failures => guard.Delay(failures, free: 5).TotalSeconds).ToList();

        waits.ShouldBe([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    }

    [Theory]
    [InlineData("/kennis?trefwoord=café", "/kennis?trefwoord=caf%C3%A9")]
    [InlineData("/kennis?q=a b", "/kennis?q=a%20b")]
    [InlineData("/pad\r\nSet-Cookie:x", "/pad%0D%0ASet-Cookie:x")]
    [InlineData("/al%20gecodeerd", "/al%20gecodeerd")]
    public void A_return_address_is_written_so_that_it_fits_in_a_Location_header(string url, string expected)
        => LocalRedirects.EncodeForHeader(url).ShouldBe(expected);
}
