using System.Net;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Account;

public sealed class RegistrationTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    [Fact]
    public async Task A_new_account_waits_for_approval_without_any_role_and_says_so()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();

        using var registered = await client.RegisterAsync(email);
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.OriginalString.ShouldBe("/account/registreren/ontvangen");

        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Pending");
        (await factory.RolesAsync(email)).ShouldBeEmpty();

        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        var profile = await client.GetPageAsync("/account/profiel");
        profile.QuerySelector("main")!.TextContent.ShouldContain("wacht op goedkeuring");
        profile.QuerySelector("header")!.TextContent.ShouldContain("wacht op goedkeuring");

        using var admin = await client.GetAsync("/beheer/accounts");
        admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");
    }

    [Fact]
    public async Task A_pending_account_reads_as_public_only()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await client.RegisterAsync(email)).Dispose();

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KennisHubUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<KennisHubUser>>();
        var principal = await principals.CreateAsync((await users.FindByEmailAsync(email))!);

        principal.GetUserId().ShouldNotBeNull();
        principal.AwaitsApproval().ShouldBeTrue();
        principal.ToReader().Visibilities.ShouldBe(["Public"]);
    }

    [Fact]
    public async Task A_password_of_eleven_characters_is_refused_in_Dutch_and_the_form_keeps_name_and_email()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();

        using var response = await client.RegisterAsync(email, password: "kort-11-tkn", name: "Bram Jansen");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        var passwordError = page.QuerySelector("#Input_Password-error")!.TextContent;
        passwordError.ShouldContain("te kort");
        passwordError.ShouldContain("12");
        page.QuerySelector("#Input_Password")!.GetAttribute("aria-describedby")!.ShouldContain("Input_Password-error");
        page.QuerySelector("#Input_Password")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Input_DisplayName")!.GetAttribute("value").ShouldBe("Bram Jansen");
        page.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe(email);
        page.QuerySelector("#Input_Password")!.GetAttribute("value").ShouldBeNull();
        page.QuerySelector(".kh-error-summary a[href='#Input_Password']").ShouldNotBeNull();
        (await factory.CountAsync("SELECT COUNT(*) FROM Users WHERE NormalizedEmail = @Email", new { Email = email.ToUpperInvariant() })).ShouldBe(0);
    }

    [Theory]
    [InlineData("wachtwoord123")]
    [InlineData("Welkom123456!")]
    [InlineData("welkomwelkom")]
    [InlineData("password1234")]
    public async Task A_common_password_is_refused_in_Dutch(string password)
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.RegisterAsync(AccountTestData.NewEmail(), password: password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector("#Input_Password-error")!.TextContent.ShouldContain("komt te vaak voor");
    }

    [Fact]
    public async Task Different_passwords_are_refused_next_to_the_repeat_field()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.RegisterAsync(AccountTestData.NewEmail(), confirm: "iets heel anders getypt");

        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector("#Input_ConfirmPassword-error")!.TextContent.ShouldContain("niet gelijk");
    }

    [Fact]
    public async Task An_empty_form_names_every_missing_field_in_Dutch()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.RegisterAsync("", password: "", name: "");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector("#Input_DisplayName-error")!.TextContent.ShouldContain("Vul uw naam in");
        page.QuerySelector("#Input_Email-error")!.TextContent.ShouldContain("Vul uw e-mailadres in");
        page.QuerySelector("#Input_Password-error")!.TextContent.ShouldContain("Vul uw wachtwoord in");
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_looks_exactly_like_a_new_registration()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        using var first = await client.RegisterAsync(email);

        using var second = await client.RegisterAsync(email, password: "een ander lang wachtwoord", name: "Iemand Anders");

        second.StatusCode.ShouldBe(first.StatusCode);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await factory.CountAsync("SELECT COUNT(*) FROM Users WHERE NormalizedEmail = @Email", new { Email = email.ToUpperInvariant() })).ShouldBe(1);
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);
    }

    [Fact]
    public async Task The_organisation_given_at_registration_is_shown_to_the_Beheerder()
    {
        using var visitor = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail();
        (await visitor.RegisterAsync(email, organisation: "Gemeente Zwolle, team Openbare Ruimte")).Dispose();

        using var admin = SiteClient.Create(factory);
        await admin.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);
        var page = await admin.GetPageAsync("/beheer/accounts");

        page.QuerySelector("main")!.TextContent.ShouldContain("Gemeente Zwolle, team Openbare Ruimte");
    }

    [Fact]
    public async Task Registrations_are_limited_per_e_mail_domain_and_other_domains_at_the_same_address_go_on()
    {
        // AccountFactory lowers the per-domain limit to 3 an hour (the default is 30); every client here shares one address.
        var domain = Guid.NewGuid().ToString("N")[..10] + ".kampen.example";
        using var client = SiteClient.Create(factory);
        for (var colleague = 1; colleague <= 3; colleague++)
        {
            using var accepted = await client.RegisterAsync($"collega{colleague}@{domain}");
            accepted.Headers.Location!.OriginalString.ShouldBe("/account/registreren/ontvangen");
        }

        using var fourth = await client.RegisterAsync($"collega4@{domain}", name: "Vierde Collega");

        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        fourth.Headers.RetryAfter.ShouldNotBeNull();
        var page = await SiteClient.ParseAsync(fourth);
        page.QuerySelector("#Input_Email-error")!.TextContent.ShouldContain("Voor dit e-maildomein zijn het afgelopen uur al veel accounts aangevraagd");
        page.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe($"collega4@{domain}");
        page.QuerySelector("#Input_DisplayName")!.GetAttribute("value").ShouldBe("Vierde Collega");
        (await factory.CountAsync("SELECT COUNT(*) FROM Users WHERE NormalizedEmail = @Email", new { Email = $"COLLEGA4@{domain.ToUpperInvariant()}" })).ShouldBe(0);

        using var otherDomain = await client.RegisterAsync(AccountTestData.NewEmail());
        otherDomain.Headers.Location!.OriginalString.ShouldBe("/account/registreren/ontvangen");

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        using var nextHour = await client.RegisterAsync($"collega4@{domain}");
        nextHour.Headers.Location!.OriginalString.ShouldBe("/account/registreren/ontvangen");
    }
}
