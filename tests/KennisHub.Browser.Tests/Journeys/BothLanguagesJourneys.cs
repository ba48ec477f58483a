using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>The same pages in Dutch and in English: each version has the right language and passes axe.</summary>
public sealed class BothLanguagesJourneys(LiveSite site) : BrowserTest(site)
{
    [Theory]
    [InlineData("/", "nl", "Home")]
    [InlineData("/?culture=en", "en", "Home")]
    [InlineData("/kennis/ecologisch-maaibeheer-en-biodiversiteit", "nl", "Kennis")]
    [InlineData("/kennis/ecologisch-maaibeheer-en-biodiversiteit?culture=en", "en", "Knowledge")]
    [InlineData("/account/inloggen", "nl", null)]
    [InlineData("/account/inloggen?culture=en", "en", null)]
    public async Task A_page_is_accessible_in_Dutch_and_in_English(string path, string language, string? trailStep)
    {
        (await OpenAsync(path)).ShouldBe(200);

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(Heading1).ToBeVisibleAsync();
        if (trailStep is not null && path.StartsWith("/kennis/", StringComparison.Ordinal))
        {
            var trail = Page.GetByRole(AriaRole.Navigation, new() { Name = language == "en" ? "Breadcrumb" : "Kruimelpad" });
            await Expect(trail.GetByRole(AriaRole.Link, new() { Name = trailStep, Exact = true })).ToBeVisibleAsync();
        }

        await ExpectAccessibleAsync();
    }
}
