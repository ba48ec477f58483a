using System.Net;
using System.Net.Sockets;
using System.Text;
using KennisHub.Web.Infrastructure.Email;
using KennisHub.Web.Tests.Account;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Beheer;

/// <summary>Applicants hear what a Beheerder decided, Beheerders hear that a request waits (unless they opt out).</summary>
public sealed class AccountMailTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private const string Beheerder = "beheerder@kennishub.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SiteClient> SignedInAdminAsync()
    {
        var admin = SiteClient.Create(factory);
        await admin.SignInOrFailAsync(Beheerder, AccountFactory.DemoPassword);
        return admin;
    }

    private async Task<Guid> RegisterAsync(string email, string? language = null, string name = "Anna de Vries")
    {
        using var person = SiteClient.Create(factory);
        if (language is not null)
        {
            person.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        (await person.RegisterAsync(email, name: name)).Dispose();
        return (await factory.UserAsync(email)).Id;
    }

    private static async Task PostAsync(SiteClient admin, string url, Dictionary<string, string> fields)
    {
        var page = await admin.GetPageAsync(url.Split('?')[0] == "/beheer" ? "/beheer" : "/beheer/accounts");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await admin.Http.PostAsync(url, content, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Mail to Beheerders is sent in the background (registering must not take longer for a new address).</summary>
    private async Task<IReadOnlyList<MailMessageToSend>> EventuallyAsync(string to, Func<MailMessageToSend, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = factory.Mail.SentTo(to).Where(match).ToList();
            if (found.Count > 0)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        return [];
    }

    [Fact]
    public async Task An_approved_applicant_gets_a_Dutch_mail_with_the_sign_in_address()
    {
        var email = AccountTestData.NewEmail();
        var id = await RegisterAsync(email);
        using var admin = await SignedInAdminAsync();

        await PostAsync(admin, $"/beheer/accounts?handler=Goedkeuren&id={id}", []);

        var mail = factory.Mail.SentTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Uw account bij KennisHub is goedgekeurd");
        mail.Body.ShouldContain("Beste Anna de Vries");
        mail.Body.ShouldContain("/account/inloggen");
    }

    [Fact]
    public async Task A_refused_applicant_who_registered_in_English_gets_the_mail_in_English()
    {
        var email = AccountTestData.NewEmail();
        var id = await RegisterAsync(email, language: "en");
        using var admin = await SignedInAdminAsync();

        await PostAsync(admin, $"/beheer/accounts?handler=Afwijzen&id={id}", new() { ["bevestigd"] = "true" });

        var mail = factory.Mail.SentTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Your request for a KennisHub account");
        mail.Body.ShouldContain("Dear Anna de Vries");
    }

    [Fact]
    public async Task A_post_to_refuse_without_confirmation_sends_nothing()
    {
        var email = AccountTestData.NewEmail();
        var id = await RegisterAsync(email);
        using var admin = await SignedInAdminAsync();

        await PostAsync(admin, $"/beheer/accounts?handler=Afwijzen&id={id}", []);

        factory.Mail.SentTo(email).ShouldBeEmpty();
        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Pending");
    }

    [Fact]
    public async Task Beheerders_hear_of_a_new_request_and_one_who_opts_out_no_longer_does()
    {
        var first = "Eerste " + Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync(AccountTestData.NewEmail(), name: first);
        var mail = (await EventuallyAsync(Beheerder, m => m.Body.Contains(first, StringComparison.Ordinal))).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Nieuwe accountaanvraag bij KennisHub");
        mail.Body.ShouldContain("/beheer/accounts");

        using var admin = await SignedInAdminAsync();
        (await admin.GetPageAsync("/beheer")).QuerySelector("#meldingen")!.HasAttribute("checked").ShouldBeTrue();
        await PostAsync(admin, "/beheer?handler=Meldingen", new() { ["meldingen"] = "false" });
        (await admin.GetPageAsync("/beheer")).QuerySelector("#meldingen")!.HasAttribute("checked").ShouldBeFalse();
        (await factory.CountAsync("SELECT COUNT(*) FROM AuditLog WHERE Action = 'account.notifications-changed'", new { })).ShouldBe(1);

        var second = "Tweede " + Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync(AccountTestData.NewEmail(), name: second);
        // The queue handles its work in order: once a marker queued after the request has run, the request's mail has too.
        var marker = new TaskCompletionSource();
        factory.Services.GetRequiredService<MailQueue>().Enqueue(_ =>
        {
            marker.SetResult();
            return Task.CompletedTask;
        });
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        factory.Mail.SentTo(Beheerder).ShouldNotContain(m => m.Body.Contains(second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SMTP_goes_through_MailKit_to_the_configured_server_in_UTF_8()
    {
        using var server = new TinySmtpServer();
        var options = new EmailOptions { Smtp = { Host = "127.0.0.1", Port = server.Port, EnableSsl = false, From = "noreply@kennishub.example" } };

        await new SmtpMailSender(options).SendAsync(new MailMessageToSend("anna@gemeente.example", "Uw aanvraag, één keer", "Beste Anna,\nDe ĳsbaan is open."), Ct);

        var received = await server.Received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        received.Recipients.ShouldBe(["<anna@gemeente.example>"]);
        received.Sender.ShouldBe("<noreply@kennishub.example>");
        var message = await MimeKit.MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)), Ct);
        message.Subject.ShouldBe("Uw aanvraag, één keer");
        message.TextBody!.ShouldContain("De ĳsbaan is open.");
    }

    /// <summary>Just enough SMTP (RFC 5321) on 127.0.0.1 for one message: greets, accepts, and hands over what arrived.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);

        public TinySmtpServer()
        {
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public TaskCompletionSource<(string Sender, List<string> Recipients, string Data)> Received { get; } = new();

        private async Task ServeAsync()
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, new UTF8Encoding(false));
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost ESMTP test");
                string sender = "";
                var recipients = new List<string>();
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                            break;
                        case "MAIL":
                            sender = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0];
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            await writer.WriteLineAsync("250 OK");
                            Received.TrySetResult((sender, recipients, data.ToString()));
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                Received.TrySetException(exception);
            }
        }

        public void Dispose() => listener.Stop();
    }
}
