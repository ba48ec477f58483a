using KennisHub.Core.Audit;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Infrastructure.Sessions;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>Change the password (asks the current one). Every other session of the account ends at once.</summary>
public sealed class WachtwoordWijzigenModel(
    UserManager<KennisHubUser> users,
    SignInManager<KennisHubUser> signIn,
    UserSessions sessions,
    PasswordGuard guard,
    IStringLocalizer<AccountText> text) : AccountPageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            AddError("Input.CurrentPassword", text["Field_CurrentPassword_Required"]);
        }

        // Guessing the current password here is guessing the password: the same throttle as signing in.
        var account = user.Email ?? user.Id.ToString();
        if (ModelState.IsValid && await guard.WaitAsync(HttpContext, account, cancellationToken) is { } wait)
        {
            return Throttled(wait, text, "Input.CurrentPassword");
        }

        await RegistrerenModel.ValidateNewPasswordAsync(users, Input.NewPassword, Input.ConfirmPassword, "Input.NewPassword", "Input.ConfirmPassword", text, AddError, user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await guard.FailedAsync(HttpContext, account, cancellationToken);
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                AddError(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? text["Field_CurrentPassword_Wrong"] : error.Description);
            }

            return Page();
        }

        await guard.SucceededAsync(HttpContext, account, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        await sessions.EndAllAsync(user.Id, DatabaseTicketStore.CurrentSessionId(HttpContext), new AuditEntry(
            "account.password-changed", "User", user.Id, "Wachtwoord gewijzigd; andere sessies beëindigd", user.Id, user.DisplayName), cancellationToken);
        return Redirect("/account/profiel?melding=wachtwoord-gewijzigd");
    }

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
