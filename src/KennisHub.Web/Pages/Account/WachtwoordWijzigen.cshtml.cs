using KennisHub.Core.Identity;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>Change the password (asks the current one). The new security stamp ends every other session.</summary>
public sealed class WachtwoordWijzigenModel(
    UserManager<KennisHubUser> users,
    SignInManager<KennisHubUser> signIn,
    IStringLocalizer<AccountText> text) : AccountPageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
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

        await RegistrerenModel.ValidateNewPasswordAsync(users, Input.NewPassword, Input.ConfirmPassword, "Input.NewPassword", "Input.ConfirmPassword", text, AddError, user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                AddError(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? text["Field_CurrentPassword_Wrong"] : error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/profiel?melding=wachtwoord-gewijzigd");
    }

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
