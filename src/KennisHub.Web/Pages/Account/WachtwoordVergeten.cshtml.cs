using System.ComponentModel.DataAnnotations;
using System.Text;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Email;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// Ask for a password reset link. Every well-formed address gets the same page and the same words, whether or not an
/// account belongs to it; only an existing (not rejected) account is actually mailed, with a one-time link.
/// </summary>
public sealed class WachtwoordVergetenModel(
    UserManager<KennisHubUser> users,
    IMailSender mail,
    IOptions<PublicAddressOptions> address,
    IStringLocalizer<AccountText> text,
    ILogger<WachtwoordVergetenModel> logger) : AccountPageModel
{
    private const int MaxEmailLength = 256;

    private static readonly EmailAddressAttribute EmailCheck = new();

    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            AddError("Input.Email", text["Field_Email_Required"]);
        }
        else if (email.Length > MaxEmailLength || !EmailCheck.IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
        {
            AddError("Input.Email", text["Field_Email_Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(email!);
        if (user is { Email: not null } && user.ApprovalStatus != ApprovalStatus.Rejected)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = $"{BaseUrl()}/account/wachtwoord-herstellen?gebruiker={user.Id}&code={code}";
            await mail.SendAsync(new MailMessageToSend(user.Email, text["Forgot_MailSubject"], text["Forgot_MailBody", link]), cancellationToken);
            logger.LogInformation("Herstellink verstuurd voor account {UserId}.", user.Id);
        }

        // The same answer for every address: nothing here tells whether an account exists.
        ModelState.Clear();
        Input = new ForgotInput();
        Sent = true;
        return Page();
    }

    /// <summary>
    /// The configured public address (Email:LinkBaseUrl), so a forged Host header cannot redirect the link; only in
    /// Development, where it may be missing (the site refuses to start without it elsewhere), the request's own.
    /// </summary>
    private string BaseUrl() => address.Value.BaseUrlFor(Request);

    public sealed class ForgotInput
    {
        public string? Email { get; set; }
    }
}
