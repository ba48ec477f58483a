using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>Dutch first, English second: the header button, the /taal page and the browser's own language.</summary>
public sealed class LanguageJourneys(LiveSite site) : BrowserTest(site)
{
    [Fact]
    public async Task A_visitor_switches_to_English_and_back_and_stays_on_the_same_page()
    {
        await OpenAsync("/toegankelijkheid");

        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Site.BaseUrl + "/toegankelijkheid");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Heading1).ToHaveTextAsync("Accessibility");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })
            .GetByRole(AriaRole.Link, new() { Name = "Knowledge" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        // The choice is remembered: another page is English too.
        await OpenAsync("/bestaat-niet");
        await Expect(Heading1).ToHaveTextAsync("Page not found");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Site.BaseUrl + "/bestaat-niet");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(Heading1).ToHaveTextAsync("Pagina niet gevonden");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_visitor_chooses_English_on_the_language_page_by_its_label()
    {
        await OpenAsync("/");
        await Footer.GetByRole(AriaRole.Link, new() { Name = "Taal kiezen" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Taal kiezen");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("English").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Taal opslaan" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Site.BaseUrl + "/");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ExpectAccessibleAsync();
    }
}

/// <summary>A browser set to English gets the English site without choosing anything.</summary>
public sealed class EnglishBrowserJourneys(LiveSite site) : BrowserTest(site)
{
    protected override string Locale => "en-GB";

    [Fact]
    public async Task A_browser_asking_for_English_gets_the_English_site()
    {
        await OpenAsync("/toegankelijkheid");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Heading1).ToHaveTextAsync("Accessibility");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeAttachedAsync();
        await ExpectAccessibleAsync();
    }
}
