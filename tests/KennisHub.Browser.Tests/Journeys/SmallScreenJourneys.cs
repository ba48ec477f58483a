using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// A phone at 320 CSS pixels wide (WCAG 1.4.10 reflow): every page fits without scrolling sideways, and the
/// navigation is still there.
/// </summary>
public sealed class SmallScreenJourneys(LiveSite site) : BrowserTest(site)
{
    protected override ViewportSize Viewport => new() { Width = 320, Height = 640 };

    [Theory]
    [InlineData("/")]
    [InlineData("/toegankelijkheid")]
    [InlineData("/taal")]
    [InlineData("/bestaat-niet")]
    public async Task A_page_fits_a_320_pixel_screen_without_sideways_scrolling(string path)
    {
        await OpenAsync(path);

        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Kennis" })).ToBeVisibleAsync();
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolt {overflow}px zijwaarts op 320px breed");
        await ExpectAccessibleAsync();
    }
}
