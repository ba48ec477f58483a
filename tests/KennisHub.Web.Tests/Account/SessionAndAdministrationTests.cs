using System.Net;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Account;

public sealed class SessionAndAdministrationTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    [Fact]
    public async Task A_Beheerder_approves_a_pending_account_which_becomes_Netwerklid_on_its_next_request_with_an_audit_line()
    {
        var email = AccountTestData.NewEmail();
        using var person = SiteClient.Create(factory);
        (await person.RegisterAsync(email)).Dispose();
        await person.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        (await person.GetPageAsync("/account/profiel")).QuerySelector("header")!.TextContent.ShouldContain("wacht op goedkeuring");

        var (id, _, _) = await factory.UserAsync(email);
        using var admin = await SignedInAdminAsync();

        using var response = await PostAccountFormAsync(admin, "Goedkeuren", id);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=goedgekeurd");
        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Approved");
        (await factory.RolesAsync(email)).ShouldBe(["Netwerklid"]);
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'account.approved'", new { Id = id })).ShouldBe(1);

        // The same session, without signing in again.
        var profile = await person.GetPageAsync("/account/profiel");
        profile.QuerySelector("header")!.TextContent.ShouldNotContain("wacht op goedkeuring");
        profile.QuerySelector("main")!.TextContent.ShouldContain("Netwerklid");
    }

    [Fact]
    public async Task A_Beheerder_rejects_a_request_and_that_account_can_no_longer_sign_in()
    {
        var email = AccountTestData.NewEmail();
        using var person = SiteClient.Create(factory);
        (await person.RegisterAsync(email)).Dispose();
        var (id, _, _) = await factory.UserAsync(email);
        using var admin = await SignedInAdminAsync();

        (await PostAccountFormAsync(admin, "Afwijzen", id)).Dispose();

        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Rejected");
        using var signIn = await person.SignInAsync(email, AccountTestData.GoodPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SiteClient.ParseAsync(signIn)).QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("Inloggen is niet gelukt");
    }

    [Fact]
    public async Task Refusing_asks_for_confirmation_on_a_page_that_names_the_person_and_changes_nothing_until_confirmed()
    {
        var email = AccountTestData.NewEmail();
        using (var person = SiteClient.Create(factory))
        {
            (await person.RegisterAsync(email)).Dispose();
        }

        var (id, _, _) = await factory.UserAsync(email);
        using var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync("/beheer/accounts");
        var form = page.QuerySelectorAll("main form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Afwijzen", StringComparison.Ordinal)
            && (f.GetAttribute("action") ?? "").Contains("id=" + id, StringComparison.Ordinal));
        form.QuerySelector("button")!.ClassList.ShouldContain("utrecht-button--secondary-action");

        using var first = await admin.SubmitAsync(form, new Dictionary<string, string>(), "/beheer/accounts");

        first.Headers.Location!.OriginalString.ShouldBe($"/beheer/accounts/bevestigen?actie=afwijzen&id={id:D}");
        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Pending");
        var confirmation = await admin.GetPageAsync(first.Headers.Location.OriginalString);
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Aanvraag afwijzen?");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain(email);
        confirmation.QuerySelector("main a[href='/beheer/accounts']").ShouldNotBeNull();

        using var confirmed = await admin.SubmitAsync(confirmation.QuerySelector("main form")!, new Dictionary<string, string>(), first.Headers.Location.OriginalString);

        confirmed.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=afgewezen");
        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Rejected");
    }

    [Fact]
    public async Task The_role_choice_has_no_default_and_submitting_it_empty_gives_nothing()
    {
        using var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync("/beheer/accounts");
        var select = page.QuerySelector("main select[name=role]")!;

        select.QuerySelector("option[selected]")!.GetAttribute("value").ShouldBe("");
        select.HasAttribute("required").ShouldBeTrue();
        var form = select.Closest("form")!;
        using var response = await admin.SubmitAsync(form, new Dictionary<string, string> { ["role"] = "" }, "/beheer/accounts");
        response.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=kies-rol");
    }

    [Fact]
    public async Task The_account_list_finds_people_by_name_or_e_mail_and_pages_through_the_rest()
    {
        var email = AccountTestData.NewEmail();
        using (var person = SiteClient.Create(factory))
        {
            (await person.RegisterAsync(email)).Dispose();
        }

        using var admin = await SignedInAdminAsync();
        var byMail = await admin.GetPageAsync("/beheer/accounts?zoek=" + Uri.EscapeDataString(email.ToUpperInvariant()));
        byMail.QuerySelectorAll("main table:last-of-type tbody tr").Length.ShouldBe(1);
        byMail.QuerySelector("#zoek")!.GetAttribute("value").ShouldBe(email.ToUpperInvariant());

        var byName = await admin.GetPageAsync("/beheer/accounts?zoek=demo");
        byName.QuerySelectorAll("main table:last-of-type tbody th[scope=row]").Select(th => th.TextContent).ShouldAllBe(name => name.Contains("Demo", StringComparison.OrdinalIgnoreCase));

        var nothing = await admin.GetPageAsync("/beheer/accounts?zoek=%25_niemand_%25");
        nothing.QuerySelector("main")!.TextContent.ShouldContain("0 accounts gevonden");
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_session_of_the_same_person()
    {
        var email = AccountTestData.NewEmail();
        using var laptop = SiteClient.Create(factory);
        using var phone = SiteClient.Create(factory);
        (await laptop.RegisterAsync(email)).Dispose();
        await laptop.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        await phone.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        (await phone.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var changed = await laptop.SubmitAsync("/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AccountTestData.GoodPassword,
            ["Input.NewPassword"] = "een nieuw en lang wachtwoord",
            ["Input.ConfirmPassword"] = "een nieuw en lang wachtwoord",
        });

        changed.Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=wachtwoord-gewijzigd");
        using var phoneAfter = await phone.GetAsync("/account/profiel");
        phoneAfter.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        phoneAfter.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        (await laptop.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await phone.SignInOrFailAsync(email, "een nieuw en lang wachtwoord");
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_next_to_its_field()
    {
        var email = AccountTestData.NewEmail();
        using var client = SiteClient.Create(factory);
        (await client.RegisterAsync(email)).Dispose();
        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);

        using var response = await client.SubmitAsync("/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "niet mijn wachtwoord",
            ["Input.NewPassword"] = "een nieuw en lang wachtwoord",
            ["Input.ConfirmPassword"] = "een nieuw en lang wachtwoord",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SiteClient.ParseAsync(response)).QuerySelector("#Input_CurrentPassword-error")!.TextContent.ShouldContain("niet juist");
    }

    [Fact]
    public async Task A_role_given_or_removed_takes_effect_on_the_person_s_next_request_without_signing_in_again()
    {
        var email = AccountTestData.NewEmail();
        using var person = SiteClient.Create(factory);
        (await person.RegisterAsync(email)).Dispose();
        var (id, _, _) = await factory.UserAsync(email);
        using var admin = await SignedInAdminAsync();
        (await PostAccountFormAsync(admin, "Goedkeuren", id)).Dispose();
        await person.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        (await person.GetAsync("/beheer/accounts")).Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");

        using var added = await PostAccountFormAsync(admin, "RolToekennen", id, new Dictionary<string, string> { ["role"] = "Beheerder" });

        added.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=rol-toegekend");
        (await factory.RolesAsync(email)).ShouldBe(["Beheerder", "Netwerklid"]);
        (await person.GetAsync("/beheer/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'account.role-added'", new { Id = id })).ShouldBe(1);

        using var removed = await PostAccountFormAsync(admin, "RolIntrekken", id, new Dictionary<string, string> { ["role"] = "Beheerder" });

        removed.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=rol-ingetrokken");
        (await factory.RolesAsync(email)).ShouldBe(["Netwerklid"]);
        using var after = await person.GetAsync("/beheer/accounts");
        after.Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");
        (await person.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_Beheerder_cannot_take_away_their_own_Beheerder_role()
    {
        using var admin = await SignedInAdminAsync();
        var (id, _, _) = await factory.UserAsync("beheerder@kennishub.example");

        using var response = await PostAccountFormAsync(admin, "RolIntrekken", id, new Dictionary<string, string> { ["role"] = "Beheerder" });

        response.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=niet-toegestaan");
        (await factory.RolesAsync("beheerder@kennishub.example")).ShouldContain("Beheerder");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var email = AccountTestData.NewEmail();
        using (var visitor = SiteClient.Create(factory))
        {
            (await visitor.RegisterAsync(email)).Dispose();
        }

        var (id, _, _) = await factory.UserAsync(email);
        using var admin = await SignedInAdminAsync();

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var response = await admin.Http.PostAsync($"/beheer/accounts?handler=Goedkeuren&id={id}", content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Pending");
    }

    [Fact]
    public async Task A_session_cookie_replayed_after_signing_out_no_longer_opens_the_profile()
    {
        var email = AccountTestData.NewEmail();
        using var client = SiteClient.Create(factory);
        (await client.RegisterAsync(email)).Dispose();
        using var signIn = await client.SignInAsync(email, AccountTestData.GoodPassword);
        var stolen = SessionCookie(signIn);
        (await ReplayAsync(stolen, "/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signOutPage = await client.GetPageAsync("/account/uitloggen");
        (await client.SubmitAsync(signOutPage.QuerySelector("main form[action='/account/uitloggen']")!, new Dictionary<string, string>(), "/account/uitloggen")).Dispose();

        using var replayed = await ReplayAsync(stolen, "/account/profiel");
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        var (id, _, _) = await factory.UserAsync(email);
        (await factory.CountAsync("SELECT COUNT(*) FROM Sessions WHERE UserId = @Id", new { Id = id })).ShouldBe(0);
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_at_once_and_a_replayed_cookie_is_refused()
    {
        var email = AccountTestData.NewEmail();
        using var laptop = SiteClient.Create(factory);
        using var phone = SiteClient.Create(factory);
        (await laptop.RegisterAsync(email)).Dispose();
        await laptop.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        using var phoneSignIn = await phone.SignInAsync(email, AccountTestData.GoodPassword);
        var phoneCookie = SessionCookie(phoneSignIn);
        var (id, _, _) = await factory.UserAsync(email);
        (await factory.CountAsync("SELECT COUNT(*) FROM Sessions WHERE UserId = @Id", new { Id = id })).ShouldBe(2);

        (await laptop.SubmitAsync("/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AccountTestData.GoodPassword,
            ["Input.NewPassword"] = "een nieuw en lang wachtwoord",
            ["Input.ConfirmPassword"] = "een nieuw en lang wachtwoord",
        })).Dispose();

        (await factory.CountAsync("SELECT COUNT(*) FROM Sessions WHERE UserId = @Id", new { Id = id })).ShouldBe(1);
        (await ReplayAsync(phoneCookie, "/account/profiel")).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        (await laptop.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'account.password-changed'", new { Id = id })).ShouldBe(1);
    }

    [Fact]
    public async Task A_Beheerder_signs_an_account_out_everywhere_and_each_of_its_sessions_ends_at_once()
    {
        var email = AccountTestData.NewEmail();
        using var laptop = SiteClient.Create(factory);
        using var phone = SiteClient.Create(factory);
        (await laptop.RegisterAsync(email)).Dispose();
        var (id, _, _) = await factory.UserAsync(email);
        using var admin = await SignedInAdminAsync();
        (await PostAccountFormAsync(admin, "Goedkeuren", id)).Dispose();
        using var laptopSignIn = await laptop.SignInAsync(email, AccountTestData.GoodPassword);
        var laptopCookie = SessionCookie(laptopSignIn);
        await phone.SignInOrFailAsync(email, AccountTestData.GoodPassword);

        using var response = await PostAccountFormAsync(admin, "OveralUitloggen", id);

        response.Headers.Location!.OriginalString.ShouldBe("/beheer/accounts?melding=overal-uitgelogd");
        (await phone.GetAsync("/account/profiel")).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        (await ReplayAsync(laptopCookie, "/account/profiel")).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        (await factory.CountAsync("SELECT COUNT(*) FROM Sessions WHERE UserId = @Id", new { Id = id })).ShouldBe(0);
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'account.signed-out-everywhere'", new { Id = id })).ShouldBe(1);
        (await admin.GetPageAsync("/beheer/accounts?melding=overal-uitgelogd")).QuerySelector("main [role=status]")!.TextContent.ShouldContain("overal uitgelogd");
        await laptop.SignInOrFailAsync(email, AccountTestData.GoodPassword);
    }

    [Fact]
    public async Task Profiel_lists_the_person_s_sessions_by_device_marks_this_one_and_ends_another_one()
    {
        var email = AccountTestData.NewEmail();
        using var laptop = SiteClient.Create(factory);
        using var phone = SiteClient.Create(factory);
        laptop.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0");
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1");
        (await laptop.RegisterAsync(email)).Dispose();
        await laptop.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        await phone.SignInOrFailAsync(email, AccountTestData.GoodPassword);

        var profile = await laptop.GetPageAsync("/account/profiel");

        var sessions = profile.QuerySelectorAll(".kh-sessie").ToList();
        sessions.Count.ShouldBe(2);
        sessions[0].TextContent.ShouldContain("Firefox op Windows");
        sessions[0].TextContent.ShouldContain("(deze sessie)");
        sessions[0].QuerySelectorAll("time").Length.ShouldBe(2);
        sessions[1].TextContent.ShouldContain("Safari op iPhone");
        sessions[1].TextContent.ShouldNotContain("(deze sessie)");
        profile.QuerySelector("a[href='/account/mijn-gegevens']").ShouldNotBeNull();

        using var ended = await laptop.SubmitAsync(sessions[1].QuerySelector("form")!, new Dictionary<string, string>(), "/account/profiel");

        ended.Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=sessie-beeindigd");
        (await phone.GetAsync("/account/profiel")).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
        var after = await laptop.GetPageAsync("/account/profiel?melding=sessie-beeindigd");
        after.QuerySelectorAll(".kh-sessie").Length.ShouldBe(1);
        after.QuerySelector("main [role=status]")!.TextContent.ShouldContain("beëindigd");

        using var endThis = await laptop.SubmitAsync(after.QuerySelector(".kh-sessie form")!, new Dictionary<string, string>(), "/account/profiel");
        endThis.Headers.Location!.OriginalString.ShouldBe("/");
        (await laptop.GetAsync("/account/profiel")).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");
    }

    [Fact]
    public async Task A_person_cannot_end_someone_else_s_session()
    {
        var email = AccountTestData.NewEmail();
        using var victim = SiteClient.Create(factory);
        (await victim.RegisterAsync(email)).Dispose();
        await victim.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        var (victimId, _, _) = await factory.UserAsync(email);
        string victimSession;
        await using (var connection = await factory.CreateDb().OpenAsync(TestContext.Current.CancellationToken))
        {
            victimSession = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT Id FROM Sessions WHERE UserId = @Id", new { Id = victimId }) ?? "";
        }

        using var attacker = await SignedInAdminAsync();
        var page = await attacker.GetPageAsync("/account/profiel");

        (await attacker.SubmitAsync(page.QuerySelector(".kh-sessie form")!, new Dictionary<string, string> { ["sessie"] = victimSession }, "/account/profiel")).Dispose();

        (await victim.GetAsync("/account/profiel")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The session cookie a response set, as a "name=value" Cookie header.</summary>
    private static string SessionCookie(HttpResponseMessage response)
        => response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".KennisHub.Sessie=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A request from a different client that carries only a copied session cookie.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url)
    {
        using var thief = SiteClient.Create(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await thief.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<SiteClient> SignedInAdminAsync()
    {
        var admin = SiteClient.Create(factory);
        await admin.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);
        return admin;
    }

    /// <summary>Posts the form on /beheer/accounts for this handler and account (and role, when given).</summary>
    private static async Task<HttpResponseMessage> PostAccountFormAsync(SiteClient admin, string handler, Guid id, Dictionary<string, string>? fields = null)
    {
        var page = await admin.GetPageAsync("/beheer/accounts");
        var form = page.QuerySelectorAll("main form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal)
                && (f.GetAttribute("action") ?? "").Contains("id=" + id, StringComparison.Ordinal)
                && (fields is null || !fields.TryGetValue("role", out var role) || f.QuerySelector($"input[name=role][value={role}], select[name=role] option[value={role}]") is not null))
            ?? throw new InvalidOperationException($"Geen formulier voor {handler} {id}.");
        var response = await admin.SubmitAsync(form, fields ?? new Dictionary<string, string>(), "/beheer/accounts");
        if (response.Headers.Location?.OriginalString is not { } next || !next.StartsWith("/beheer/accounts/bevestigen", StringComparison.Ordinal))
        {
            return response;
        }

        // Refusing and removing a role ask first: confirm on the real confirmation page, as a Beheerder would.
        response.Dispose();
        var confirmation = await admin.GetPageAsync(next);
        return await admin.SubmitAsync(confirmation.QuerySelector("main form")!, new Dictionary<string, string>(), next);
    }
}
