using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>A visitor who is not signed in finds their way around, in Dutch, with a mouse.</summary>
public sealed class VisitorJourneys(LiveSite site) : BrowserTest(site)
{
    /// <summary>The main navigation's links, in order, and where each leads.</summary>
    public static TheoryData<string, string> Sections => new()
    {
        { "Home", "/" },
        { "Thema's", "/themas" },
        { "Kennis", "/kennis" },
        { "Organisaties", "/organisaties" },
    };

    [Fact]
    public async Task A_visitor_opens_the_home_page_in_Dutch()
    {
        (await OpenAsync("/")).ShouldBe(200);

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(Heading1).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
        await Expect(Footer).ToBeVisibleAsync();
        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToHaveAttributeAsync("aria-current", "page");
        await ExpectAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task A_visitor_follows_the_main_navigation_to_a_section(string linkText, string path)
    {
        await OpenAsync("/organisaties" == path ? "/" : "/organisaties");

        await MainNavigation.GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Site.BaseUrl + path);
        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");
        await Expect(Heading1).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_unknown_address_shows_the_Dutch_not_found_page_with_a_way_back()
    {
        (await OpenAsync("/bestaat-niet")).ShouldBe(404);

        await Expect(Heading1).ToHaveTextAsync("Pagina niet gevonden");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Naar de startpagina" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Site.BaseUrl + "/");
    }

    [Fact]
    public async Task The_footer_leads_to_the_accessibility_statement()
    {
        await OpenAsync("/");

        await Footer.GetByRole(AriaRole.Link, new() { Name = "Toegankelijkheid" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Site.BaseUrl + "/toegankelijkheid");
        await Expect(Heading1).ToHaveTextAsync("Toegankelijkheid");
        await Expect(Page.GetByText("EN 301 549").First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "toegankelijkheidsverklaring in het register" }))
            .ToHaveAttributeAsync("href", "https://www.toegankelijkheidsverklaring.nl/register");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Een probleem melden" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }
}
