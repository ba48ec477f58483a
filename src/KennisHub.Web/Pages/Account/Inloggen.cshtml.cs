using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// Sign in with e-mail and password. One message for an unknown address, a wrong password and a refused account,
/// and an unknown address still costs a password hash, so neither text nor timing tells whether an account exists.
/// Guessing is throttled by <see cref="PasswordGuard"/> (growing waits, 429) for known and unknown addresses alike;
/// there is no lockout a stranger could trigger.
/// </summary>
public sealed class InloggenModel(
    SignInManager<KennisHubUser> signIn,
    UserManager<KennisHubUser> users,
    IPasswordHasher<KennisHubUser> hasher,
    PasswordGuard guard,
    IStringLocalizer<AccountText> text) : AccountPageModel
{
    private static string? dummyHash;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

        if (string.IsNullOrEmpty(Input.Password))
        {
            AddError("Input.Password", text["Field_Password_Required"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await guard.WaitAsync(HttpContext, email!, cancellationToken) is { } wait)
        {
            return Throttled(wait, text);
        }

        var user = await users.FindByEmailAsync(email!);
        if (user is null || user.ApprovalStatus == ApprovalStatus.Rejected)
        {
            SpendAHash(Input.Password!);
            await guard.FailedAsync(HttpContext, email!, cancellationToken);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await guard.SucceededAsync(HttpContext, email!, cancellationToken);
        }
        else
        {
            await guard.FailedAsync(HttpContext, email!, cancellationToken);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/InloggenTweestaps", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }

        // Also a lock (after wrong two-step codes, or an erased account) gets the one message: nothing tells it apart.
        return Failed();
    }

    private PageResult Failed()
    {
        AddError(string.Empty, text["Login_Failed"]);
        return Page();
    }

    private void SpendAHash(string password)
    {
        var probe = new KennisHubUser();
        dummyHash ??= hasher.HashPassword(probe, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(probe, dummyHash, password);
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
