using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// Pictures of the home page as a person sees it, on a desktop (1280 wide) and a phone (390 wide), written to
/// TestResults/screenshots/pages/ (the phone: its first screen, as a person sees it). tools/frontend/screenshots.sh
/// copies them to docs/screenshots/.
/// </summary>
public sealed class ScreenshotJourneys(LiveSite site) : BrowserTest(site)
{
    [Theory]
    [InlineData("home-desktop", 1280, 900, true)]
    [InlineData("home-phone", 390, 844, false)]
    public async Task The_home_page_is_photographed_at_desktop_and_phone_width(string name, int width, int height, bool fullPage)
    {
        await Page.SetViewportSizeAsync(width, height);
        await OpenAsync("/");
        await Expect(Heading1).ToBeVisibleAsync();
        await Page.EvaluateAsync("() => document.fonts.ready");

        var folder = Path.Combine(FindRepositoryRoot(), "TestResults", "screenshots", "pages");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });

        new FileInfo(file).Length.ShouldBeGreaterThan(10_000);
        await ExpectAccessibleAsync();
    }
}
