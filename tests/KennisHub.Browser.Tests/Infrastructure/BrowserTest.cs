using Microsoft.Playwright;

namespace KennisHub.Browser.Tests.Infrastructure;

/// <summary>
/// Base of every journey: a fresh browser context (no cookies: a new visitor) in Dutch at desktop size, a page,
/// and helpers that act as a person would. A journey finds things by role and visible label
/// (<c>Page.GetByRole(AriaRole.Link, new() { Name = "Kennis" })</c>), never by CSS selector, and calls
/// <see cref="OpenAsync"/> / <see cref="ExpectAccessibleAsync"/> on each page it reaches. A failing test leaves a
/// screenshot in TestResults/screenshots/. Content Security Policy violations (inline script or style) fail the test.
/// </summary>
[Collection(SiteCollection.Name)]
public abstract class BrowserTest(LiveSite site) : IAsyncLifetime
{
    private readonly List<string> cspViolations = [];
    private IBrowserContext? context;
    private IPage? page;

    protected LiveSite Site => site;

    protected IPage Page => page ?? throw new InvalidOperationException("De pagina is nog niet geopend.");

    /// <summary>The browser's language (Accept-Language): Dutch unless a journey says otherwise.</summary>
    protected virtual string Locale => "nl-NL";

    protected virtual ViewportSize Viewport => new() { Width = 1280, Height = 800 };

    public virtual async ValueTask InitializeAsync()
    {
        context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            Locale = Locale,
            ViewportSize = Viewport,
        });
        context.SetDefaultTimeout(10_000);
        page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };
    }

    public virtual async ValueTask DisposeAsync()
    {
        var state = TestContext.Current.TestState;
        if (page is not null && state?.Result == TestResult.Failed)
        {
            var folder = Path.Combine(FindRepositoryRoot(), "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            var display = (TestContext.Current.Test?.TestDisplayName ?? "test").Replace(GetType().Namespace + ".", "", StringComparison.Ordinal);
            var name = string.Concat(display.Split([.. Path.GetInvalidFileNameChars(), '"', ' ']));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }

        if (context is not null)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Goes to a site address ("/kennis") and returns the HTTP status the visitor got.</summary>
    protected async Task<int> OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response?.Status ?? 0;
    }

    /// <summary>axe on the page as it is now, plus: no Content Security Policy violation so far.</summary>
    protected async Task ExpectAccessibleAsync()
    {
        await AxeCheck.ExpectNoViolationsAsync(Page);
        cspViolations.ShouldBeEmpty($"De pagina {Page.Url} overtrad de Content-Security-Policy");
    }

    protected ILocator MainNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });

    protected ILocator Footer => Page.GetByRole(AriaRole.Contentinfo);

    protected ILocator Heading1 => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The folder holding KennisHub.sln, so artefacts land in the repository's TestResults/ and docs/.</summary>
    internal static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KennisHub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
