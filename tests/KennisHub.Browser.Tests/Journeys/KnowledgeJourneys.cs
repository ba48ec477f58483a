using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// A visitor reads knowledge: from a list to an article, a theme and an organisation (the seed content of
/// content/, imported on first run), every page axe-checked, rendered Markdown included.
/// </summary>
public sealed class KnowledgeJourneys(LiveSite site) : BrowserTest(site)
{
    /// <summary>The first item's link in the page's main list: what a visitor would click first.</summary>
    private ILocator FirstListedLink => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).First.GetByRole(AriaRole.Link).First;

    [Theory]
    [InlineData("Kennis")]
    [InlineData("Thema's")]
    [InlineData("Organisaties")]
    public async Task A_visitor_opens_the_first_item_of_a_section_and_reads_it(string section)
    {
        await OpenAsync("/");
        await MainNavigation.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await ExpectAccessibleAsync();

        var title = (await FirstListedLink.InnerTextAsync()).Trim();
        await FirstListedLink.ClickAsync();

        await Expect(Heading1).ToHaveTextAsync(title);
        // Inside the section the navigation still says where the visitor is.
        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }))
            .ToHaveAttributeAsync("aria-current", "true");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_article_reads_well_in_English_too()
    {
        await OpenAsync("/kennis");
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await FirstListedLink.ClickAsync();

        await Expect(Heading1).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }
}
