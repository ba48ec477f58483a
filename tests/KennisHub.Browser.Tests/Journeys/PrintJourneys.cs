using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>Someone prints a page (an article, a position): only the content, and where its links lead.</summary>
public sealed class PrintJourneys(LiveSite site) : BrowserTest(site)
{
    [Fact]
    public async Task A_printed_page_leaves_out_navigation_and_shows_link_addresses()
    {
        await OpenAsync("/toegankelijkheid");

        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await Expect(MainNavigation).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeHiddenAsync();
        await Expect(Heading1).ToBeVisibleAsync();
        var register = Page.GetByRole(AriaRole.Link, new() { Name = "toegankelijkheidsverklaring in het register" });
        var printedAfter = await register.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
        printedAfter.ShouldContain("https://www.toegankelijkheidsverklaring.nl/register");
    }
}
