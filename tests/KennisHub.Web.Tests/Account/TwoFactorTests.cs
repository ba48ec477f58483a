using System.Net;
using KennisHub.Core.Identity;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Account;

public sealed class TwoFactorTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    [Fact]
    public async Task An_authenticator_app_is_set_up_each_code_works_once_and_each_recovery_code_works_once()
    {
        var email = AccountTestData.NewEmail();
        using var setup = SiteClient.Create(factory);
        var (page, key) = await OpenSetupPageAsync(setup, email);
        page.QuerySelector("#otpauth-uri")!.TextContent.ShouldBe($"otpauth://totp/KennisHub:{Uri.EscapeDataString(email)}?secret={key}&issuer=KennisHub&digits=6");

        using var enabled = await setup.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = CodeNow(key), ["Password"] = AccountTestData.GoodPassword });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var recoveryCodes = (await SiteClient.ParseAsync(enabled)).QuerySelectorAll(".herstelcodes code").Select(c => c.TextContent).ToList();
        recoveryCodes.Count.ShouldBe(10);
        (await factory.CountAsync("SELECT COUNT(*) FROM UserTokens WHERE Value LIKE @Code", new { Code = "%" + recoveryCodes[0] + "%" })).ShouldBe(0);

        // The code that switched it on was used: the same code cannot sign in.
        using var replay = SiteClient.Create(factory);
        using var firstStep = await replay.SignInAsync(email, AccountTestData.GoodPassword);
        firstStep.Headers.Location!.OriginalString.ShouldBe("/account/inloggen-tweestaps?returnUrl=%2F");
        using var replayed = await replay.SubmitAsync(firstStep.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = CodeNow(key), ["Password"] = AccountTestData.GoodPassword });
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SiteClient.ParseAsync(replayed)).QuerySelector("#Code-error")!.TextContent.ShouldContain("al gebruikt");

        // The next code from the app works, once.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var accepted = await replay.SubmitAsync(firstStep.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = CodeNow(key), ["Password"] = AccountTestData.GoodPassword });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe("/");
        (await replay.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var recovery = SiteClient.Create(factory);
        (await recovery.SignInAsync(email, AccountTestData.GoodPassword)).Dispose();
        using var recovered = await recovery.SubmitAsync("/account/inloggen-herstelcode", new Dictionary<string, string> { ["Code"] = recoveryCodes[3] });
        recovered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        recovered.Headers.Location!.OriginalString.ShouldBe("/");

        using var again = SiteClient.Create(factory);
        (await again.SignInAsync(email, AccountTestData.GoodPassword)).Dispose();
        using var reused = await again.SubmitAsync("/account/inloggen-herstelcode", new Dictionary<string, string> { ["Code"] = recoveryCodes[3] });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SiteClient.ParseAsync(reused)).QuerySelector("#Code-error")!.TextContent.ShouldContain("al gebruikt");
    }

    [Fact]
    public async Task The_set_up_shows_a_QR_code_served_from_the_site_itself_never_cached_and_gone_once_switched_on()
    {
        var email = AccountTestData.NewEmail();
        using var client = SiteClient.Create(factory);
        var (page, key) = await OpenSetupPageAsync(client, email);

        var image = page.QuerySelector("main img.kh-qr")!;
        image.GetAttribute("alt").ShouldNotBeNullOrWhiteSpace();
        var source = image.GetAttribute("src")!;
        source.ShouldStartWith("/account/tweestapsverificatie?handler=QrCode");
        using var png = await client.GetAsync(source);
        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        png.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var bytes = await png.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.Length.ShouldBeGreaterThan(200);

        // The policy stays strict: the image comes from 'self', and nothing inline was needed for it.
        using var pageResponse = await client.GetAsync("/account/tweestapsverificatie");
        var csp = pageResponse.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("img-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("style-src 'self'");

        using var visitor = SiteClient.Create(factory);
        (await visitor.GetAsync(source)).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");

        (await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = CodeNow(key), ["Password"] = AccountTestData.GoodPassword })).Dispose();
        (await client.GetAsync(source)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Switching_two_step_verification_off_asks_for_the_password()
    {
        var email = AccountTestData.NewEmail();
        using var client = SiteClient.Create(factory);
        var (_, key) = await OpenSetupPageAsync(client, email);
        (await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = CodeNow(key), ["Password"] = AccountTestData.GoodPassword })).Dispose();

        using var wrong = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Password"] = "niet mijn wachtwoord" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SiteClient.ParseAsync(wrong)).QuerySelector("#Password-error")!.TextContent.ShouldContain("niet juist");

        using var off = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Password"] = AccountTestData.GoodPassword });
        off.Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=tweestaps-uit");
        using var fresh = SiteClient.Create(factory);
        await fresh.SignInOrFailAsync(email, AccountTestData.GoodPassword);
    }

    [Fact]
    public async Task Switching_two_step_verification_on_asks_for_the_password_too()
    {
        var email = AccountTestData.NewEmail();
        using var client = SiteClient.Create(factory);
        var (_, key) = await OpenSetupPageAsync(client, email);

        // A valid code from the app is not enough: someone holding only the session may not change how the account signs in.
        using var withoutPassword = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = CodeNow(key) });
        withoutPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await SiteClient.ParseAsync(withoutPassword);
        refused.QuerySelector("#Password-error")!.TextContent.ShouldContain("huidige wachtwoord");
        refused.QuerySelector("input[name=Code]")!.GetAttribute("value").ShouldBe(CodeNow(key));

        using var wrongPassword = await client.SubmitAsync("/account/tweestapsverificatie", new Dictionary<string, string> { ["Code"] = CodeNow(key), ["Password"] = "niet mijn wachtwoord" });
        (await SiteClient.ParseAsync(wrongPassword)).QuerySelector("#Password-error")!.TextContent.ShouldContain("niet juist");

        (await factory.CountAsync("SELECT COUNT(*) FROM Users WHERE NormalizedEmail = @Email AND TwoFactorEnabled = 1", new { Email = email.ToUpperInvariant() })).ShouldBe(0);
    }

    /// <summary>Registers <paramref name="email"/>, signs the client in and opens the two-step setup page with its shared key.</summary>
    private static async Task<(AngleSharp.Dom.IDocument Page, string Key)> OpenSetupPageAsync(SiteClient client, string email)
    {
        (await client.RegisterAsync(email)).Dispose();
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        var page = await client.GetPageAsync("/account/tweestapsverificatie");
        var key = page.QuerySelector("#gedeelde-sleutel")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return (page, key);
    }

    private string CodeNow(string key)
        => Totp.Format(Totp.Compute(Totp.FromBase32(key), OneTimeAuthenticatorTokenProvider.CurrentTimeStep(factory.Clock.GetUtcNow())));
}
