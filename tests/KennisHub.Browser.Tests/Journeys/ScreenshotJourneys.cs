using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// Pictures of the site as a person sees it, on a desktop (1280 wide) and a phone (390 wide: its first screen),
/// written to TestResults/screenshots/pages/: the home page, an article, the sign-in page with a validation error
/// and an article's print preview. tools/frontend/screenshots.sh copies them to docs/screenshots/.
/// </summary>
public sealed class ScreenshotJourneys(LiveSite site) : BrowserTest(site)
{
    private const string Article = "/kennis/ecologisch-maaibeheer-en-biodiversiteit";

    [Theory]
    [InlineData("home-desktop", "/", 1280, 900, true)]
    [InlineData("home-phone", "/", 390, 844, false)]
    [InlineData("article-desktop", Article, 1280, 900, true)]
    [InlineData("article-phone", Article, 390, 844, false)]
    public async Task A_page_is_photographed_at_desktop_and_phone_width(string name, string path, int width, int height, bool fullPage)
    {
        await Page.SetViewportSizeAsync(width, height);
        await OpenAsync(path);
        await Expect(Heading1).ToBeVisibleAsync();

        await PhotographAsync(name, fullPage);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_sign_in_page_with_an_error_is_photographed()
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("lid@kennishub.example");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(Page.GetByLabel("Wachtwoord", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        await PhotographAsync("signin-error", fullPage: true);
    }

    [Fact]
    public async Task The_print_preview_of_an_article_is_photographed()
    {
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await OpenAsync(Article);
        await Expect(Heading1).ToBeVisibleAsync();

        await PhotographAsync("article-print", fullPage: true);
    }

    private async Task PhotographAsync(string name, bool fullPage)
    {
        await Page.EvaluateAsync("() => document.fonts.ready");
        var folder = Path.Combine(FindRepositoryRoot(), "TestResults", "screenshots", "pages");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });

        new FileInfo(file).Length.ShouldBeGreaterThan(10_000);
    }
}
