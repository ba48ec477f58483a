using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// What signing in changes: members see what visitors may not (and a visitor gets the Dutch 404, not a hint that
/// it exists); a Beheerder approves a registration with the keyboard only; every page on the way is axe-checked.
/// </summary>
public sealed class MemberJourneys(LiveSite site) : BrowserTest(site)
{
    private const string NetworkArticle = "/kennis/intervisie-wijkbeheerders-en-wijkverbinders";

    [Fact]
    public async Task A_network_member_reads_a_network_only_article_that_a_visitor_cannot_find()
    {
        (await OpenAsync(NetworkArticle)).ShouldBe(404);
        await Expect(Heading1).ToHaveTextAsync("Pagina niet gevonden");
        await ExpectAccessibleAsync();

        await SignInAsync("lid@kennishub.example");
        await OpenAsync("/kennis");
        var card = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Intervisie voor wijkbeheerders en wijkverbinders" });
        await Expect(card.GetByText("Alleen netwerkleden")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await card.GetByRole(AriaRole.Link, new() { Name = "Intervisie voor wijkbeheerders en wijkverbinders" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Intervisie voor wijkbeheerders en wijkverbinders");
        await Expect(Page.GetByRole(AriaRole.Main).GetByText("Alleen netwerkleden")).ToBeVisibleAsync();
        var trail = Page.GetByRole(AriaRole.Navigation, new() { Name = "Kruimelpad" });
        await Expect(trail.GetByRole(AriaRole.Link, new() { Name = "Kennis" })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_atelier_member_sees_the_atelier_only_theme()
    {
        await SignInAsync("atelier@kennishub.example");
        await MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Thema's" }).ClickAsync();
        var card = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Atelieragenda (werkversie)" });
        await Expect(card.GetByText("Alleen atelier")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await card.GetByRole(AriaRole.Link, new() { Name = "Atelieragenda (werkversie)" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Atelieragenda (werkversie)");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_member_finds_profile_password_and_two_factor_pages_accessible()
    {
        await SignInAsync("lid@kennishub.example");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Profiel" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Profiel");
        await ExpectAccessibleAsync();

        await OpenAsync("/account/wachtwoord-wijzigen");
        await Expect(Heading1).ToHaveTextAsync("Wachtwoord wijzigen");
        await ExpectAccessibleAsync();

        await OpenAsync("/account/tweestapsverificatie");
        await Expect(Heading1).ToHaveTextAsync("Tweestapsverificatie");
        await Expect(Page.GetByLabel("Code uit de app (6 cijfers)")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_person_who_picks_a_too_short_password_is_told_why_and_then_registers()
    {
        var name = "Kort Wachtwoord " + Guid.NewGuid().ToString("N")[..6];
        await OpenAsync("/account/registreren");
        await FillRegistrationAsync(name, "kort");

        var summaryTitle = Page.GetByRole(AriaRole.Heading, new() { Name = "Niet alles is goed ingevuld" });
        await Expect(summaryTitle).ToBeVisibleAsync();
        await Expect(summaryTitle.Locator("..")).ToBeFocusedAsync();
        var password = Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true });
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(password).ToHaveValueAsync("");
        await Expect(Page.GetByLabel("Naam", new() { Exact = true })).ToHaveValueAsync(name);
        await ExpectAccessibleAsync();

        // The summary's link leads to the field.
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Het wachtwoord is te kort" }).First.ClickAsync();
        await Expect(password).ToBeFocusedAsync();

        await FillRegistrationAsync(name, LiveSite.DemoPassword);
        await Expect(Heading1).ToHaveTextAsync("Aanvraag ontvangen");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_beheerder_approves_a_registration_with_the_keyboard_only_and_opens_the_logboek()
    {
        var name = "Toetsenbord Aanvrager " + Guid.NewGuid().ToString("N")[..6];
        await OpenAsync("/account/registreren");
        await FillRegistrationAsync(name, LiveSite.DemoPassword);
        await Expect(Heading1).ToHaveTextAsync("Aanvraag ontvangen");

        await SignInAsync("beheerder@kennishub.example");
        await OpenAsync("/beheer/accounts");
        await Expect(Heading1).ToHaveTextAsync("Accounts beheren");
        await ExpectAccessibleAsync();

        var approve = Page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren " + name });
        await TabToAsync(approve);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("goedgekeurd");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren " + name })).ToHaveCountAsync(0);
        await ExpectAccessibleAsync();

        await OpenAsync("/beheer/logboek");
        await Expect(Heading1).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    private async Task SignInAsync(string email)
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
    }

    private async Task FillRegistrationAsync(string name, string password)
    {
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync($"{name.Replace(' ', '.').ToLowerInvariant()}@gemeente.example");
        await Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Account aanvragen" }).ClickAsync();
    }

    /// <summary>Presses Tab (never clicks) until the control has focus, as a keyboard user would.</summary>
    private async Task TabToAsync(ILocator control)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await control.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        throw new ShouldAssertException($"Met Tab kwam de focus nooit op {control}.");
    }
}
