using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>A member signs in and out through the real forms, by their labels; each state is axe-checked.</summary>
public sealed class AccountJourneys(LiveSite site) : BrowserTest(site)
{
    private ILocator AccountNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Account" });

    [Fact]
    public async Task A_member_who_forgets_a_field_is_told_so_and_then_signs_in_and_out()
    {
        await OpenAsync("/");
        await AccountNavigation.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Inloggen");
        await ExpectAccessibleAsync();

        // Only the address: the form comes back with an error tied to the password field.
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("lid@kennishub.example");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        var password = Page.GetByLabel("Wachtwoord", new() { Exact = true });
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("E-mailadres", new() { Exact = true })).ToHaveValueAsync("lid@kennishub.example");
        await ExpectAccessibleAsync();

        await password.FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        var signOut = AccountNavigation.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" });
        await Expect(signOut).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        // The header links to the sign-out page, which names the person and signs out with a post.
        await signOut.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Demo Netwerklid");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Expect(AccountNavigation.GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_registration_page_is_reachable_from_the_header_and_accessible()
    {
        await OpenAsync("/");
        await AccountNavigation.GetByRole(AriaRole.Link, new() { Name = "Registreren" }).ClickAsync();

        await Expect(Heading1).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Someone_who_forgot_the_password_finds_the_form_from_sign_in_and_gets_the_neutral_answer()
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync("Wachtwoord vergeten");
        await ExpectAccessibleAsync();

        // No address: the error is tied to the field, and the state is checked too.
        var send = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Link versturen" });
        await send.ClickAsync();
        var email = Page.GetByLabel("E-mailadres", new() { Exact = true });
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await ExpectAccessibleAsync();

        // An address without an account: the same answer an account holder gets (and no mail is written).
        await email.FillAsync($"niemand-{Guid.NewGuid():N}@gemeente.example");
        await send.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Als er een account bij dit adres hoort");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Setting_up_two_step_verification_shows_a_QR_code_next_to_the_key()
    {
        // A fresh account, so that creating its key touches no demo account another journey is using.
        var email = $"tweestaps-{Guid.NewGuid():N}@gemeente.example";
        const string Password = "een lang wachtwoord voor de app";
        await OpenAsync("/account/registreren");
        await Page.Locator("#Input_DisplayName").FillAsync("Tess Tweestaps");
        await Page.Locator("#Input_Email").FillAsync(email);
        await Page.Locator("#Input_Password").FillAsync(Password);
        await Page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Account aanvragen" }).ClickAsync();
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Password);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(AccountNavigation.GetByRole(AriaRole.Link, new() { Name = "Uitloggen" })).ToBeVisibleAsync();

        await OpenAsync("/account/tweestapsverificatie");

        var qr = Page.GetByRole(AriaRole.Img, new() { Name = "QR-code voor uw authenticator-app" });
        await Expect(qr).ToBeVisibleAsync();
        (await qr.EvaluateAsync<int>("image => image.complete ? image.naturalWidth : 0")).ShouldBeGreaterThan(100);
        await Expect(Page.Locator("#gedeelde-sleutel")).Not.ToBeEmptyAsync();
        await ExpectAccessibleAsync();
    }
}
