using System.Globalization;
using System.Text;
using KennisHub.Core.Audit;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Infrastructure.Sessions;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// Two-step verification with an authenticator app: show the shared key and otpauth URI, verify one code, then show
/// ten recovery codes once (only their hashes are stored). Turning it off asks for the password.
/// </summary>
public sealed class TweestapsverificatieModel(
    UserManager<KennisHubUser> users,
    SignInManager<KennisHubUser> signIn,
    UserSessions sessions,
    PasswordGuard guard,
    IStringLocalizer<AccountText> text) : AccountPageModel
{
    public const string Issuer = "KennisHub";
    private const int RecoveryCodeCount = 10;

    /// <summary>Pixels per QR module: about 250 px for a typical URI, sharp on a phone camera, scaled down by CSS.</summary>
    private const int QrPixelsPerModule = 6;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool IsEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    /// <summary>Shown once, right after switching on; never again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// The otpauth URI as a QR code (PNG, made here by QRCoder: no external service), while two-step verification is
    /// being set up. Served from this page's own address so the CSP needs no data: or inline image; never cached.
    /// </summary>
    public async Task<IActionResult> OnGetQrCodeAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return NotFound();
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUriFor(user, key), QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(QrPixelsPerModule);
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    public async Task<IActionResult> OnPostInschakelenAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        // Switching on changes how this account signs in: whoever holds only the session (not the password) may not.
        if (await CheckCurrentPasswordAsync(user) is { } wait)
        {
            await LoadAsync(user);
            return Throttled(wait, text, nameof(Password));
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            AddError(nameof(Code), text["TwoFactor_Code_Required"]);
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            AddError(nameof(Code), text["TwoFactor_Code_Wrong"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await EndOtherSessionsAsync(user, "account.two-factor-enabled", "Tweestapsverificatie ingeschakeld; andere sessies beëindigd");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostUitschakelenAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await CheckCurrentPasswordAsync(user) is { } wait)
        {
            await LoadAsync(user);
            return Throttled(wait, text, nameof(Password));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        await EndOtherSessionsAsync(user, "account.two-factor-disabled", "Tweestapsverificatie uitgeschakeld; andere sessies beëindigd");
        return Redirect("/account/profiel?melding=tweestaps-uit");
    }

    /// <summary>How this account signs in changed: only the session that made the change stays.</summary>
    private Task EndOtherSessionsAsync(KennisHubUser user, string action, string summary)
        => sessions.EndAllAsync(user.Id, DatabaseTicketStore.CurrentSessionId(HttpContext),
            new AuditEntry(action, "User", user.Id, summary, user.Id, user.DisplayName), HttpContext.RequestAborted);

    /// <summary>
    /// Re-authentication before any change to two-step verification: the current password, throttled like signing in.
    /// Returns how long to wait when there were too many wrong passwords (then the password is not checked).
    /// </summary>
    private async Task<TimeSpan?> CheckCurrentPasswordAsync(KennisHubUser user)
    {
        var account = user.Email ?? user.Id.ToString();
        if (string.IsNullOrEmpty(Password))
        {
            AddError(nameof(Password), text["Field_CurrentPassword_Required"]);
        }
        else if (await guard.WaitAsync(HttpContext, account, HttpContext.RequestAborted) is { } wait)
        {
            return wait;
        }
        else if (!await users.CheckPasswordAsync(user, Password))
        {
            await guard.FailedAsync(HttpContext, account, HttpContext.RequestAborted);
            AddError(nameof(Password), text["Field_CurrentPassword_Wrong"]);
        }
        else
        {
            await guard.SucceededAsync(HttpContext, account, HttpContext.RequestAborted);
        }

        return null;
    }

    private async Task LoadAsync(KennisHubUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Resetting the key renews the security stamp: refresh this session so it is not the one that ends.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = FormatKey(key!);
        AuthenticatorUri = AuthenticatorUriFor(user, key!);
    }

    private static string AuthenticatorUriFor(KennisHubUser user, string key) => string.Format(
        CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        Uri.EscapeDataString(Issuer),
        Uri.EscapeDataString(user.Email ?? user.UserName ?? ""),
        key);

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
