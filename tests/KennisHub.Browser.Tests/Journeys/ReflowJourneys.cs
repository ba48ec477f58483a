using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// Reflow (WCAG 1.4.10, which axe does not test): at 320 and 390 CSS pixels wide no page of the journeys scrolls
/// sideways, neither a visitor's nor a Beheerder's. Wide content (a Markdown table, the accounts list) scrolls in its
/// own focusable region or stacks its rows.
/// </summary>
public abstract class ReflowJourneys(LiveSite site) : BrowserTest(site)
{
    private static readonly string[] VisitorPages =
    [
        "/", "/kennis", "/kennis/beeldkwaliteit-crow-systematiek", "/kennis/gladheidbestrijding", "/kennis/assetmanagement-openbare-ruimte",
        "/themas", "/themas/wijkgericht-beheer", "/organisaties", "/organisaties/gemeente-kampen", "/toegankelijkheid", "/taal",
        "/account/inloggen", "/account/registreren", "/account/wachtwoord-vergeten", "/bestaat-niet",
    ];

    private static readonly string[] BeheerderPages =
    [
        "/beheer", "/beheer/accounts", "/beheer/logboek", "/beheer/logboek?van=0001-01-01&tot=9999-12-31", "/account/profiel",
        "/kennis/werknotitie-kennisborging-bij-uitstroom",
    ];

    private async Task<int> OverflowAsync()
        => await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    [Fact]
    public async Task No_page_of_a_visitor_scrolls_sideways()
    {
        var failures = new List<string>();
        foreach (var path in VisitorPages)
        {
            await OpenAsync(path);
            if (await OverflowAsync() is > 0 and var overflow)
            {
                failures.Add($"{path}: {overflow}px");
            }
        }

        failures.ShouldBeEmpty($"zijwaarts scrollen op {Viewport.Width}px breed");
    }

    [Fact]
    public async Task No_Beheer_page_scrolls_sideways_and_each_stays_accessible()
    {
        await SignInAsBeheerderAsync();
        var failures = new List<string>();
        foreach (var path in BeheerderPages)
        {
            await OpenAsync(path);
            if (await OverflowAsync() is > 0 and var overflow)
            {
                failures.Add($"{path}: {overflow}px");
            }

            await ExpectAccessibleAsync();
        }

        failures.ShouldBeEmpty($"zijwaarts scrollen op {Viewport.Width}px breed");
    }

    [Fact]
    public async Task A_wide_table_in_an_article_scrolls_in_its_own_labelled_region_that_the_keyboard_reaches()
    {
        await OpenAsync("/kennis/beeldkwaliteit-crow-systematiek");

        var region = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Region).First;
        await Expect(region).ToHaveAttributeAsync("tabindex", "0");
        (await region.GetAttributeAsync("aria-label")).ShouldStartWith("Tabel");
        await region.FocusAsync();
        await Expect(region).ToBeFocusedAsync();
        await ExpectAccessibleAsync();
    }

    private async Task SignInAsBeheerderAsync()
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("beheerder@kennishub.example");
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
    }
}

public sealed class ReflowAt320Journeys(LiveSite site) : ReflowJourneys(site)
{
    protected override ViewportSize Viewport => new() { Width = 320, Height = 640 };
}

public sealed class ReflowAt390Journeys(LiveSite site) : ReflowJourneys(site)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
