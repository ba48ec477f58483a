using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace KennisHub.Web.Infrastructure.Email;

/// <summary>One plain-text e-mail.</summary>
public sealed record MailMessageToSend(string To, string Subject, string Body);

/// <summary>Our own seam for outgoing mail, so pages do not depend on how (or whether) mail really leaves the machine.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessageToSend message, CancellationToken cancellationToken);
}

/// <summary>Settings under Email: (Email:Smtp:Host set = SMTP, otherwise the pickup folder).</summary>
public sealed class EmailOptions
{
    public string? PickupFolder { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string From { get; set; } = "noreply@kennishub.example";

        public bool EnableSsl { get; set; } = true;
    }
}

/// <summary>
/// Sends through an SMTP server with MailKit (System.Net.Mail's SmtpClient is marked not for new development).
/// EnableSsl: TLS from the first byte on port 465, otherwise STARTTLS, required; off only for a relay on the same
/// machine or network segment. One connection per message: mail here is rare (resets, account decisions).
/// </summary>
public sealed class SmtpMailSender(EmailOptions options) : IMailSender
{
    public async Task SendAsync(MailMessageToSend message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Smtp;
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Body = new TextPart(TextFormat.Plain) { Text = message.Body };

        using var client = new SmtpClient();
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host ontbreekt."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Without an SMTP server (development, tests): each message becomes a .eml file in a folder. The log says that a
/// message was written and where, never its body (which holds a reset link).
/// </summary>
public sealed class PickupFolderMailSender(string folder, TimeProvider clock, ILogger<PickupFolderMailSender> logger) : IMailSender
{
    public string Folder => folder;

    public async Task SendAsync(MailMessageToSend message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var path = Path.Combine(folder, name);
        var content = new StringBuilder()
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(message.Subject).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(message.Body)
            .ToString();
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken);
        logger.LogInformation("E-mailbericht geschreven naar {File}.", name);
    }
}

public static class EmailSetup
{
    public static WebApplicationBuilder AddKennisHubEmail(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        builder.Services.AddSingleton(options);
        if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            var folder = string.IsNullOrWhiteSpace(options.PickupFolder)
                ? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "mail")
                : Path.GetFullPath(options.PickupFolder, builder.Environment.ContentRootPath);
            builder.Services.AddSingleton<IMailSender>(services => new PickupFolderMailSender(
                folder, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<PickupFolderMailSender>>()));
        }

        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailQueue>());
        builder.Services.AddScoped<AccountMail>();
        return builder;
    }
}
