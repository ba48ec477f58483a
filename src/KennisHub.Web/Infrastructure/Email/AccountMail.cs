using System.Globalization;
using KennisHub.Core.Identity;
using KennisHub.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Infrastructure.Email;

/// <summary>
/// Mail about account requests: to the applicant when a Beheerder approves or refuses, and to every Beheerder who
/// has not switched it off when a new request waits. Each mail is in its recipient's language (the language they
/// registered in), Dutch when unknown. Sent after the change is saved: a mail server that is down is logged and
/// never undoes or blocks the decision.
/// </summary>
public sealed class AccountMail(
    IMailSender sender,
    AccountAdministration accounts,
    IStringLocalizer<MailText> text,
    IConfiguration configuration,
    MailQueue queue,
    ILogger<AccountMail> logger)
{
    private static readonly CultureInfo Dutch = new("nl-NL");
    private static readonly CultureInfo English = new("en");

    /// <summary>The site's public address for links in mail: Email:LinkBaseUrl, else the request's own.</summary>
    public string SiteAddress(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return configuration["Email:LinkBaseUrl"]?.TrimEnd('/') is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}";
    }

    public async Task ApprovedAsync(Guid userId, string siteAddress, CancellationToken cancellationToken)
    {
        if (await accounts.RecipientAsync(userId, cancellationToken) is { } applicant)
        {
            await SendAsync(applicant, "Approved_Subject", "Approved_Body", [applicant.DisplayName, siteAddress + "/account/inloggen"], cancellationToken);
        }
    }

    public async Task RejectedAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await accounts.RecipientAsync(userId, cancellationToken) is { } applicant)
        {
            await SendAsync(applicant, "Rejected_Subject", "Rejected_Body", [applicant.DisplayName], cancellationToken);
        }
    }

    /// <summary>
    /// Queues <see cref="RequestWaitsAsync"/> for the background: registering must take as long for a new address as
    /// for a known one (which gets no mail), or the delay of the mail server would tell which addresses are members.
    /// </summary>
    public void QueueRequestWaits(string applicantName, string siteAddress)
        => queue.Enqueue(cancellationToken => RequestWaitsAsync(applicantName, siteAddress, cancellationToken));

    /// <summary>A new request waits: every Beheerder who wants to know hears it (name only, no address of the applicant).</summary>
    public async Task RequestWaitsAsync(string applicantName, string siteAddress, CancellationToken cancellationToken)
    {
        foreach (var beheerder in await accounts.AccountRequestRecipientsAsync(cancellationToken))
        {
            await SendAsync(beheerder, "RequestWaits_Subject", "RequestWaits_Body",
                [beheerder.DisplayName, applicantName, siteAddress + "/beheer/accounts", siteAddress + "/beheer"], cancellationToken);
        }
    }

    private async Task SendAsync(MailRecipient to, string subjectKey, string bodyKey, object[] arguments, CancellationToken cancellationToken)
    {
        var culture = to.Language == "en" ? English : Dutch;
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        string subject, body;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            subject = text[subjectKey];
            body = text[bodyKey, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = format;
        }

        try
        {
            await sender.SendAsync(new MailMessageToSend(to.Email, subject, body), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // No address in the log (personal data); the decision itself is saved and shown on the page.
            logger.LogWarning(exception, "E-mail '{Subject}' kon niet worden verzonden.", subjectKey);
        }
    }
}

/// <summary>Mail work done after the response, one item at a time, in the background; failures are logged.</summary>
public sealed class MailQueue(ILogger<MailQueue> logger) : BackgroundService
{
    private readonly System.Threading.Channels.Channel<Func<CancellationToken, Task>> work =
        System.Threading.Channels.Channel.CreateUnbounded<Func<CancellationToken, Task>>(new() { SingleReader = true });

    public void Enqueue(Func<CancellationToken, Task> item) => work.Writer.TryWrite(item);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await item(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Mail op de achtergrond mislukt.");
            }
        }
    }
}
