using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>Searching from the header box by keyboard, and the results page in both languages, with axe.</summary>
public sealed class SearchJourneys(LiveSite site) : BrowserTest(site)
{
    [Fact]
    public async Task A_visitor_searches_from_the_header_by_keyboard_and_opens_a_result()
    {
        (await OpenAsync("/")).ShouldBe(200);

        var box = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Zoeken op KennisHub" });
        await box.FocusAsync();
        await Page.Keyboard.TypeAsync("maaibeheer");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/zoeken\\?q=maaibeheer$"));
        var first = Page.Locator(".kh-result__title a").First;
        await Expect(first).ToBeVisibleAsync();
        await Expect(Page.Locator(".kh-result__snippet mark").First).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await first.ClickAsync();
        await Expect(Heading1).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/zoeken?q=maaibeheer", "nl")]
    [InlineData("/zoeken?q=maaibeheer&culture=en", "en")]
    [InlineData("/zoeken?q=xyzzyonbekend", "nl")]
    [InlineData("/zoeken?q=de%20het&culture=en", "en")]
    public async Task The_results_page_is_accessible_in_Dutch_and_in_English(string path, string language)
    {
        (await OpenAsync(path)).ShouldBe(200);

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(Heading1).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }
}
