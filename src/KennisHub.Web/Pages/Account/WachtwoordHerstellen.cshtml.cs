using System.Text;
using KennisHub.Core.Audit;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// Set a new password from a mailed link. The token is tied to the security stamp, which the reset changes: the link
/// works once, and every other session of the account ends. A wrong, used or expired link gets one clear message.
/// </summary>
public sealed class WachtwoordHerstellenModel(
    UserManager<KennisHubUser> users,
    IOptions<IdentityOptions> identityOptions,
    UserSessions sessions,
    PasswordGuard guard,
    IStringLocalizer<AccountText> text,
    ILogger<WachtwoordHerstellenModel> logger) : AccountPageModel
{
    public enum ResetState
    {
        Form,
        InvalidLink,
        Done,
    }

    [BindProperty(SupportsGet = true)]
    public string? Gebruiker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public ResetState State { get; private set; } = ResetState.Form;

    public async Task OnGetAsync()
    {
        var (user, token) = await FindAsync();
        if (user is null || !await users.VerifyUserTokenAsync(user, identityOptions.Value.Tokens.PasswordResetTokenProvider, UserManager<KennisHubUser>.ResetPasswordTokenPurpose, token!))
        {
            State = ResetState.InvalidLink;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (user, token) = await FindAsync();
        if (user is null)
        {
            return Invalid();
        }

        await RegistrerenModel.ValidateNewPasswordAsync(users, Input.NewPassword, Input.ConfirmPassword, "Input.NewPassword", "Input.ConfirmPassword", text, AddError, user);
        if (!ModelState.IsValid)
        {
            Input = new ResetInput();
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return Invalid();
            }

            foreach (var error in result.Errors)
            {
                AddError("Input.NewPassword", error.Description);
            }

            Input = new ResetInput();
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await guard.SucceededAsync(HttpContext, user.Email ?? user.Id.ToString(), cancellationToken);
        // Every session of the account ends now (also on other instances), in one transaction with the audit line.
        await sessions.EndAllAsync(user.Id, keep: null, new AuditEntry(
            "account.password-reset", "User", user.Id, "Wachtwoord hersteld via e-maillink", user.Id, "Wachtwoordherstel"), cancellationToken);
        logger.LogInformation("Wachtwoord hersteld voor account {UserId}.", user.Id);
        Input = new ResetInput();
        State = ResetState.Done;
        return Page();
    }

    private PageResult Invalid()
    {
        ModelState.Clear();
        Input = new ResetInput();
        State = ResetState.InvalidLink;
        return Page();
    }

    /// <summary>The account and the decoded token from the link; no account when either part is missing or malformed.</summary>
    private async Task<(KennisHubUser? User, string? Token)> FindAsync()
    {
        if (!Guid.TryParse(Gebruiker, out var id) || string.IsNullOrEmpty(Code))
        {
            return (null, null);
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
            return (null, null);
        }

        var user = await users.FindByIdAsync(id.ToString());
        return user is null || user.ApprovalStatus == ApprovalStatus.Rejected ? (null, null) : (user, token);
    }

    public sealed class ResetInput
    {
        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
