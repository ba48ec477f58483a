using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using KennisHub.Core.Identity;
using KennisHub.Core.Security;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// AVG for the signed-in person: download everything KennisHub keeps about them (JSON), or erase the account after
/// re-entering the password. Erasing keeps what they wrote, attributed to "voormalig lid" (see <see cref="PersonalData"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MijnGegevensModel(
    PersonalData personalData,
    UserManager<KennisHubUser> users,
    PasswordGuard guard,
    IAuthenticationSchemeProvider schemes,
    IStringLocalizer<SecurityText> text,
    IStringLocalizer<AccountText> accountText) : AccountPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    /// <summary>Shown once, in the response to the erase itself: the person is signed out from then on.</summary>
    public bool Deleted { get; private set; }

    public IActionResult OnGet() => UserId is null ? Forbid() : Page();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (UserId is not { } userId || await personalData.ExportAsync(userId, cancellationToken) is not { } export)
        {
            return NotFound();
        }

        var file = JsonSerializer.SerializeToUtf8Bytes(export, Json);
        return File(file, "application/json", $"kennishub-mijn-gegevens-{export.ExportedAt:yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Forbid();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["MijnGegevens_PasswordRequired"]);
            return Page();
        }

        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Forbid();
        }

        // Guessing the password here is guessing the password: the same throttle as signing in.
        var account = user.Email ?? user.Id.ToString();
        if (await guard.WaitAsync(HttpContext, account, cancellationToken) is { } wait)
        {
            return Throttled(wait, accountText, nameof(Password));
        }

        // Identity checks the password (and rehashes an old format), the same way sign-in does.
        if (!await users.CheckPasswordAsync(user, Password))
        {
            await guard.FailedAsync(HttpContext, account, cancellationToken);
            ModelState.AddModelError(nameof(Password), text["MijnGegevens_WrongPassword"]);
            return Page();
        }

        await personalData.EraseAsync(userId, cancellationToken);
        foreach (var scheme in (string[])[IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme])
        {
            if (await schemes.GetSchemeAsync(scheme) is not null)
            {
                await HttpContext.SignOutAsync(scheme);
            }
        }

        Deleted = true;
        return Page();
    }

    private Guid? UserId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
