using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// A Beheerder finds Beheer in the main menu, sees what waits on /beheer, and refuses a request only after a
/// confirmation page; a member never sees the menu entry. Each state axe-checked, in Dutch and in English.
/// </summary>
public sealed class BeheerJourneys(LiveSite site) : BrowserTest(site)
{
    [Fact]
    public async Task A_beheerder_goes_from_the_menu_to_the_overview_and_refuses_a_request_after_confirming()
    {
        var name = "Afwijs Aanvrager " + Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync(name);
        await SignInAsync("beheerder@kennishub.example");

        await MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Beheer" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Beheer");
        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Beheer" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Accountaanvragen om te beoordelen");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Accountaanvragen om te beoordelen" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Accounts beheren");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen " + name }).ClickAsync();

        await Expect(Heading1).ToHaveTextAsync("Aanvraag afwijzen?");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(name);
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nee, terug naar accounts" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen " + name })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen " + name }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ja, aanvraag afwijzen" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("afgewezen");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen " + name })).ToHaveCountAsync(0);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Removing_a_role_asks_first_and_the_role_choice_starts_empty()
    {
        await SignInAsync("beheerder@kennishub.example");
        await OpenAsync("/beheer/accounts?zoek=lobby%40kennishub.example");

        var choice = Page.GetByLabel("Rol Demo Lobbyteam");
        await Expect(choice).ToHaveValueAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Intrekken Lobbyteam, Demo Lobbyteam" }).ClickAsync();

        await Expect(Heading1).ToHaveTextAsync("Rol intrekken?");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nee, terug naar accounts" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Accounts beheren");
    }

    [Fact]
    public async Task A_member_has_no_Beheer_entry_in_the_menu()
    {
        await SignInAsync("lid@kennishub.example");

        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Kennis" })).ToBeVisibleAsync();
        await Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Beheer" })).ToHaveCountAsync(0);
    }

    private async Task RegisterAsync(string name)
    {
        await OpenAsync("/account/registreren");
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync($"{name.Replace(' ', '.').ToLowerInvariant()}@gemeente.example");
        await Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Account aanvragen" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Aanvraag ontvangen");
    }

    private async Task SignInAsync(string email)
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
    }
}

/// <summary>The same Beheer pages for a Beheerder whose browser asks for English.</summary>
public sealed class BeheerInEnglishJourneys(LiveSite site) : BrowserTest(site)
{
    protected override string Locale => "en";

    [Fact]
    public async Task The_overview_accounts_and_audit_log_speak_English_and_stay_accessible()
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel("Email address", new() { Exact = true }).FillAsync("beheerder@kennishub.example");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });

        await menu.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Administration");
        await ExpectAccessibleAsync();
        await OpenAsync("/beheer/accounts");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Europe/Amsterdam");
        await ExpectAccessibleAsync();
        await OpenAsync("/beheer/logboek");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Account created");
        await ExpectAccessibleAsync();
    }
}
