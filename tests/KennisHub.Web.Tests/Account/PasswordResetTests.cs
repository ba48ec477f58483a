using System.Net;
using System.Text.RegularExpressions;
using KennisHub.Web.Infrastructure.Email;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KennisHub.Web.Tests.Account;

public sealed partial class PasswordResetTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private const string NewPassword = "de brug bij Zwolle gaat open";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sign_in_page_links_to_the_forgotten_password_page()
    {
        using var client = SiteClient.Create(factory);

        var page = await client.GetPageAsync("/account/inloggen");

        page.QuerySelector("main a[href='/account/wachtwoord-vergeten']")!.TextContent.ShouldBe("Wachtwoord vergeten?");
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_identical_answers_and_only_the_known_one_gets_a_mail()
    {
        var known = await RegisteredAsync();
        var unknown = AccountTestData.NewEmail("onbekend");

        var (knownStatus, knownBody) = await RequestResetAsync(known);
        var (unknownStatus, unknownBody) = await RequestResetAsync(unknown);

        knownStatus.ShouldBe(HttpStatusCode.OK);
        unknownStatus.ShouldBe(HttpStatusCode.OK);
        knownBody.ShouldContain("Als er een account bij dit adres hoort, ontvangt u een e-mail met een link");
        WithoutAntiforgery(knownBody).ShouldBe(WithoutAntiforgery(unknownBody));
        factory.Mail.SentTo(known).Count.ShouldBe(1);
        factory.Mail.SentTo(unknown).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_that_signs_in_while_the_old_one_no_longer_does()
    {
        var email = await RegisteredAsync();
        await RequestResetAsync(email);
        var link = LinkIn(email);
        using var client = SiteClient.Create(factory);

        using var response = await client.SubmitAsync(link, Passwords(NewPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector("main")!.TextContent.ShouldContain("Uw wachtwoord is gewijzigd");
        page.QuerySelector("main a[href='/account/inloggen']").ShouldNotBeNull();
        using var old = SiteClient.Create(factory);
        using var oldAttempt = await old.SignInAsync(email, AccountTestData.GoodPassword);
        oldAttempt.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var fresh = SiteClient.Create(factory);
        await fresh.SignInOrFailAsync(email, NewPassword);
        var (id, _, _) = await factory.UserAsync(email);
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'account.password-reset'", new { Id = id })).ShouldBe(1);
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @Id AND Action = 'account.password-reset' AND (Summary LIKE @Email OR ActorName LIKE @Email)", new { Id = id, Email = "%" + email + "%" })).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_link_a_second_time_is_refused_in_Dutch_with_a_way_to_ask_for_a_new_one()
    {
        var email = await RegisteredAsync();
        await RequestResetAsync(email);
        var link = LinkIn(email);
        using var client = SiteClient.Create(factory);
        var form = (await client.GetPageAsync(link)).QuerySelector("main form")!;
        using (var first = await client.SubmitAsync(link, Passwords(NewPassword)))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var second = await client.SubmitAsync(form, Passwords("nog een ander lang wachtwoord"), link);
        var again = await client.GetPageAsync(link);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var secondPage = await SiteClient.ParseAsync(second);
        secondPage.QuerySelector("main")!.TextContent.ShouldContain("niet (meer) geldig");
        secondPage.QuerySelector("main a[href='/account/wachtwoord-vergeten']").ShouldNotBeNull();
        again.QuerySelector("main")!.TextContent.ShouldContain("niet (meer) geldig");
        again.QuerySelector("main form").ShouldBeNull();
        using var signIn = SiteClient.Create(factory);
        await signIn.SignInOrFailAsync(email, NewPassword);
    }

    [Theory]
    [InlineData("/account/wachtwoord-herstellen")]
    [InlineData("/account/wachtwoord-herstellen?gebruiker=geen-guid&code=%%%")]
    [InlineData("/account/wachtwoord-herstellen?gebruiker=6f9619ff-8b86-d011-b42d-00cf4fc964ff&code=abc")]
    public async Task A_broken_or_unknown_link_gets_the_Dutch_message_not_an_error(string url)
    {
        using var client = SiteClient.Create(factory);

        var page = await client.GetPageAsync(url);

        page.QuerySelector("main")!.TextContent.ShouldContain("niet (meer) geldig");
    }

    [Fact]
    public async Task Resetting_the_password_ends_the_other_sessions_of_that_person()
    {
        var email = await RegisteredAsync();
        using var otherDevice = SiteClient.Create(factory);
        await otherDevice.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        (await otherDevice.GetPageAsync("/account/profiel")).ShouldNotBeNull();
        await RequestResetAsync(email);
        using var client = SiteClient.Create(factory);

        using (var reset = await client.SubmitAsync(LinkIn(email), Passwords(NewPassword)))
        {
            (await SiteClient.ParseAsync(reset)).QuerySelector("main")!.TextContent.ShouldContain("Uw wachtwoord is gewijzigd");
        }

        using var after = await otherDevice.GetAsync("/account/profiel");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/account/inloggen");
    }

    [Theory]
    [InlineData("kort", "Input.NewPassword")]
    [InlineData("wachtwoord123", "Input.NewPassword")]
    public async Task A_short_or_common_new_password_is_refused_in_Dutch_and_the_link_still_works(string password, string field)
    {
        var email = await RegisteredAsync();
        await RequestResetAsync(email);
        var link = LinkIn(email);
        using var client = SiteClient.Create(factory);

        using var response = await client.SubmitAsync(link, Passwords(password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        var error = page.GetElementById(field.Replace('.', '_') + "-error");
        error.ShouldNotBeNull();
        error.TextContent.ShouldContain("wachtwoord", Case.Insensitive);
        page.QuerySelectorAll("input[type=password]").ShouldAllBe(input => string.IsNullOrEmpty(input.GetAttribute("value")));
        using var retry = await client.SubmitAsync(link, Passwords(NewPassword));
        (await SiteClient.ParseAsync(retry)).QuerySelector("main")!.TextContent.ShouldContain("Uw wachtwoord is gewijzigd");
    }

    [Fact]
    public async Task An_empty_address_is_asked_for_in_Dutch_next_to_the_field()
    {
        using var client = SiteClient.Create(factory);

        using var response = await client.SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = "" });

        var page = await SiteClient.ParseAsync(response);
        page.GetElementById("Input_Email-error")!.TextContent.ShouldContain("Vul uw e-mailadres in");
    }

    [Fact]
    public async Task The_pickup_folder_sender_writes_each_message_as_an_eml_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kennishub-mail-" + Guid.NewGuid().ToString("N"));
        var sender = new PickupFolderMailSender(folder, TimeProvider.System, NullLogger<PickupFolderMailSender>.Instance);
        try
        {
            await sender.SendAsync(new MailMessageToSend("anna@gemeente.example", "Onderwerp", "Tekst met een link https://x/y?code=geheim"), Ct);

            var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
            var text = await File.ReadAllTextAsync(file, Ct);
            text.ShouldContain("To: anna@gemeente.example");
            text.ShouldContain("Subject: Onderwerp");
            text.ShouldContain("code=geheim");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Mail_goes_through_SMTP_only_when_a_host_is_configured_and_to_the_pickup_folder_otherwise()
    {
        await using var plain = new KennisHubFactory();
        await using var smtp = new SmtpConfiguredFactory();

        plain.Services.GetRequiredService<IMailSender>().ShouldBeOfType<PickupFolderMailSender>();
        smtp.Services.GetRequiredService<IMailSender>().ShouldBeOfType<SmtpMailSender>();
    }

    private async Task<string> RegisteredAsync()
    {
        var email = AccountTestData.NewEmail("herstel");
        using var client = SiteClient.Create(factory);
        using var response = await client.RegisterAsync(email);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return email;
    }

    private async Task<(HttpStatusCode Status, string Body)> RequestResetAsync(string email)
    {
        using var client = SiteClient.Create(factory);
        using var response = await client.SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = email });
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The link from the last mail to <paramref name="email"/>, as a local address.</summary>
    private string LinkIn(string email)
    {
        var mail = factory.Mail.SentTo(email).ShouldHaveSingleItem();
        mail.Body.ShouldNotContain(AccountTestData.GoodPassword);
        var link = new Uri(LinkPattern().Match(mail.Body).Value);
        link.AbsolutePath.ShouldBe("/account/wachtwoord-herstellen");
        return link.PathAndQuery;
    }

    private static Dictionary<string, string> Passwords(string password)
        => new() { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password };

    private static string WithoutAntiforgery(string html) => AntiforgeryPattern().Replace(html, "");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|value=\"[^\"]*\" name=\"__RequestVerificationToken\"|<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryPattern();

    private sealed class SmtpConfiguredFactory : KennisHubFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:Smtp:Host"] = "smtp.gemeente.example" };
    }
}
