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
        header.QuerySelector("a[href='/account/uitloggen']").ShouldNotBeNull();
        header.QuerySelector("form[method=post]").ShouldBeNull();   // no token in the shared header (CachingSetup)
        (await client.GetPageAsync("/account/uitloggen")).QuerySelector("main")!.TextContent.ShouldContain("Demo Netwerklid");
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
    public async Task After_five_wrong_passwords_the_next_try_waits_with_429_in_Dutch_alike_for_a_known_and_an_unknown_address()
    {
        var known = AccountTestData.NewEmail();
        var unknown = AccountTestData.NewEmail("onbekend");
        using (var registering = SiteClient.Create(factory))
        {
            (await registering.RegisterAsync(known)).Dispose();
        }

        var answers = new List<(HttpStatusCode Status, string? RetryAfter, string Message)>();
        foreach (var email in new[] { known, unknown })
        {
            using var client = SiteClient.Create(factory);
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                using var failed = await client.SignInAsync(email, "verkeerd wachtwoord " + attempt);
                failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"poging {attempt}");
            }

            // The sixth try, even with the right password, is not checked: the person waits.
            using var sixth = await client.SignInAsync(email, AccountTestData.GoodPassword);
            var page = await SiteClient.ParseAsync(sixth);
            answers.Add((sixth.StatusCode, sixth.Headers.RetryAfter?.ToString(), page.QuerySelector(".kh-error-summary")!.TextContent.Trim()));
            page.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe(email);
        }

        answers[0].Status.ShouldBe(HttpStatusCode.TooManyRequests);
        answers[0].RetryAfter.ShouldBe("30");
        answers[0].Message.ShouldContain("Te veel mislukte pogingen. Wacht 30 seconden");
        answers[1].ShouldBe(answers[0]);
        (await factory.CountAsync("SELECT COUNT(*) FROM Users WHERE LockoutEnd IS NOT NULL AND NormalizedEmail = @Email", new { Email = known.ToUpperInvariant() })).ShouldBe(0);

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        using var owner = SiteClient.Create(factory);
        await owner.SignInOrFailAsync(known, AccountTestData.GoodPassword);
    }

    [Fact]
    public async Task The_waits_grow_with_each_further_wrong_password()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail("raden");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await client.SignInAsync(email, "verkeerd wachtwoord " + attempt)).Dispose();
        }

        var waits = new List<string?>();
        for (var round = 0; round < 3; round++)
        {
            using var early = await client.SignInAsync(email, "nog een gok");
            early.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            waits.Add(early.Headers.RetryAfter?.ToString());
            factory.Clock.Advance(early.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromSeconds(1));
            using var guess = await client.SignInAsync(email, "nog een gok");
            guess.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        waits.ShouldBe(["30", "60", "120"]);
    }

    [Fact]
    public async Task A_stranger_guessing_from_one_address_does_not_stop_the_owner_signing_in_from_another()
    {
        var email = AccountTestData.NewEmail();
        using var owner = SiteClient.Create(factory);
        using var stranger = SiteClient.Create(factory);
        owner.Http.DefaultRequestHeaders.Add("X-Test-Adres", "192.0.2.10");
        stranger.Http.DefaultRequestHeaders.Add("X-Test-Adres", "198.51.100.66");
        (await owner.RegisterAsync(email)).Dispose();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            (await stranger.SignInAsync(email, "gok " + attempt)).Dispose();
        }

        using var strangerAgain = await stranger.SignInAsync(email, AccountTestData.GoodPassword);
        strangerAgain.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        await owner.SignInOrFailAsync(email, AccountTestData.GoodPassword);
    }

    [Fact]
    public async Task The_current_password_on_wachtwoord_wijzigen_is_throttled_like_signing_in()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await client.RegisterAsync(email)).Dispose();
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        var change = new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "een nieuw en lang wachtwoord",
            ["Input.ConfirmPassword"] = "een nieuw en lang wachtwoord",
        };

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitAsync("/account/wachtwoord-wijzigen", new Dictionary<string, string>(change) { ["Input.CurrentPassword"] = "gok " + attempt });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var throttled = await client.SubmitAsync("/account/wachtwoord-wijzigen", new Dictionary<string, string>(change) { ["Input.CurrentPassword"] = AccountTestData.GoodPassword });

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.ToString().ShouldBe("30");
        (await SiteClient.ParseAsync(throttled)).QuerySelector("#Input_CurrentPassword-error")!.TextContent.ShouldContain("Wacht 30 seconden");
        using var signIn = SiteClient.Create(factory);
        (await signIn.SignInAsync(email, AccountTestData.GoodPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_password_that_guards_two_step_verification_is_throttled_like_signing_in()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await client.RegisterAsync(email)).Dispose();
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = "123456", ["Password"] = "gok " + attempt });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var throttled = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = "123456", ["Password"] = AccountTestData.GoodPassword });

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await SiteClient.ParseAsync(throttled)).QuerySelector("#Password-error")!.TextContent.ShouldContain("Te veel mislukte pogingen");
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

        var page = await client.GetPageAsync("/account/uitloggen");
        using var signedOut = await client.SubmitAsync(page.QuerySelector("main form[action='/account/uitloggen']")!, new Dictionary<string, string>(), "/account/uitloggen");

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
