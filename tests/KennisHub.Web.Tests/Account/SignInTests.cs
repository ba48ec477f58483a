using System.Net;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Account;

public sealed class SignInTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    [Fact]
    public async Task A_demo_account_signs_in_and_the_header_shows_its_name_and_a_sign_out_button()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.SignInAsync("lid@kennishub.example", AccountFactory.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var page = await client.GetPageAsync("/account/profiel");
        var header = page.QuerySelector("header")!;
        header.TextContent.ShouldContain("Demo Netwerklid");
        header.QuerySelector("form[method=post][action='/account/uitloggen'] button").ShouldNotBeNull();
        header.TextContent.ShouldNotContain("wacht op goedkeuring");
        page.QuerySelector("main")!.TextContent.ShouldContain("Netwerklid");
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_Secure_and_SameSite_Lax()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.SignInAsync("lid@kennishub.example", AccountFactory.DemoPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".KennisHub.Sessie=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("secure");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldNotContain("expires="); // a session cookie: the server enforces the 30-minute idle limit
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_message()
    {
        using var unknown = SiteClient.Create(factory);
        using var wrong = SiteClient.Create(factory);

        using var unknownResponse = await unknown.SignInAsync(AccountTestData.NewEmail("onbekend"), "een wachtwoord van lengte");
        using var wrongResponse = await wrong.SignInAsync("atelier@kennishub.example", "een wachtwoord van lengte");

        unknownResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrongResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var unknownMessage = (await SiteClient.ParseAsync(unknownResponse)).QuerySelector(".kh-error-summary ul")!.TextContent.Trim();
        var wrongMessage = (await SiteClient.ParseAsync(wrongResponse)).QuerySelector(".kh-error-summary ul")!.TextContent.Trim();
        unknownMessage.ShouldBe(wrongMessage);
        unknownMessage.ShouldContain("Inloggen is niet gelukt");
    }

    [Fact]
    public async Task The_typed_email_stays_in_the_form_after_a_failed_sign_in_but_the_password_does_not()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.SignInAsync("iemand@gemeente.example", "een wachtwoord van lengte");

        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe("iemand@gemeente.example");
        page.QuerySelector("#Input_Password")!.GetAttribute("value").ShouldBeNull();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_a_while_even_for_the_right_password()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await client.RegisterAsync(email)).Dispose();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.SignInAsync(email, "verkeerd wachtwoord " + attempt);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"poging {attempt}");
        }

        using var fifth = await client.SignInAsync(email, "verkeerd wachtwoord 5");
        fifth.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fifth.Headers.Location!.OriginalString.ShouldBe("/account/geblokkeerd");

        using var right = await client.SignInAsync(email, AccountTestData.GoodPassword);
        right.Headers.Location!.OriginalString.ShouldBe("/account/geblokkeerd");
        var locked = await client.GetPageAsync("/account/geblokkeerd");
        locked.QuerySelector("main")!.TextContent.ShouldContain("15 minuten");
    }

    [Fact]
    public async Task Sign_in_returns_to_a_local_page_but_never_to_another_site()
    {
        using var local = SiteClient.Create(factory);
        using var evil = SiteClient.Create(factory);

        using var toLocal = await local.SignInAsync("lid@kennishub.example", AccountFactory.DemoPassword, "/account/inloggen?returnUrl=%2Faccount%2Fprofiel");
        using var toEvil = await evil.SignInAsync("lid@kennishub.example", AccountFactory.DemoPassword, "/account/inloggen?returnUrl=https%3A%2F%2Fevil.example%2F");

        toLocal.Headers.Location!.OriginalString.ShouldBe("/account/profiel");
        toEvil.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("/kennis?trefwoord=café", "/kennis?trefwoord=caf%C3%A9")]
    [InlineData("/kennis?trefwoord=¿'\"(", "/kennis?trefwoord=%C2%BF'\"(")]
    [InlineData("/kennis?trefwoord=straße 🌳", "/kennis?trefwoord=stra%C3%9Fe%20%F0%9F%8C%B3")]
    [InlineData("/kennis?trefwoord=caf%C3%A9", "/kennis?trefwoord=caf%C3%A9")]
    public async Task A_return_address_with_non_ASCII_text_signs_in_and_returns_there_percent_encoded(string returnUrl, string expected)
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.SignInAsync("lid@kennishub.example", AccountFactory.DemoPassword, "/account/inloggen?returnUrl=" + Uri.EscapeDataString(returnUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
        (await client.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_is_a_post_that_ends_the_session()
    {
        using var client = SiteClient.Create(factory);
        await client.SignInOrFailAsync("lid@kennishub.example", AccountFactory.DemoPassword);

        var page = await client.GetPageAsync("/account/profiel");
        using var signedOut = await client.SubmitAsync(page.QuerySelector("header form[action='/account/uitloggen']")!, new Dictionary<string, string>(), "/account/profiel");

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = await client.GetAsync("/account/profiel");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
    }

    [Fact]
    public async Task A_visitor_who_opens_account_management_is_sent_to_sign_in()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.GetAsync("/beheer/accounts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        response.Headers.Location!.Query.ShouldContain("returnUrl=%2Fbeheer%2Faccounts");
    }

    [Theory]
    [InlineData("lid@kennishub.example")]
    [InlineData("atelier@kennishub.example")]
    [InlineData("lobby@kennishub.example")]
    public async Task A_signed_in_member_without_the_Beheerder_role_gets_403_on_account_management(string email)
    {
        using var client = SiteClient.Create(factory);
        await client.SignInOrFailAsync(email, AccountFactory.DemoPassword);

        using var response = await client.GetAsync("/beheer/accounts");
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");
        using var denied = await client.GetAsync(response.Headers.Location.OriginalString);

        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SiteClient.ParseAsync(denied)).QuerySelector("h1")!.TextContent.ShouldBe("Geen toegang");
    }

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await client.RegisterAsync(email)).Dispose();
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await client.GetAsync("/account/profiel");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
    }

    [Fact]
    public async Task An_active_session_still_ends_eight_hours_after_signing_in()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await client.RegisterAsync(email)).Dispose();
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.5); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            using var active = await client.GetAsync("/account/profiel");
            active.StatusCode.ShouldBe(HttpStatusCode.OK, $"na {elapsed + TimeSpan.FromMinutes(20)}");
        }

        // 7h40 so far; 25 more minutes is within the idle limit but past the absolute one.
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        using var response = await client.GetAsync("/account/profiel");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
    }
}
