using KennisHub.Core.Identity;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>Second step of signing in with one of the recovery codes instead of the app; a code works once.</summary>
public sealed class InloggenHerstelcodeModel(SignInManager<KennisHubUser> signIn, IStringLocalizer<AccountText> text) : AccountPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
        => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/account/inloggen");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            AddError(nameof(Code), text["RecoveryCode_Required"]);
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/Geblokkeerd");
        }

        AddError(nameof(Code), text["RecoveryCode_Wrong"]);
        return Page();
    }
}
