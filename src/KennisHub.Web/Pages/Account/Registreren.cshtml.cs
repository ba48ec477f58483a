using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Email;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// Request an account. It starts Pending (no role) until a Beheerder approves it. An address that already has an
/// account gets the same answer as a new one (after the same password hash), so the form does not reveal members.
/// </summary>
public sealed class RegistrerenModel(
    UserManager<KennisHubUser> users,
    IPasswordHasher<KennisHubUser> hasher,
    RegistrationLimit limit,
    IStringLocalizer<AccountText> text,
    AccountMail mail,
    ILogger<RegistrerenModel> logger) : AccountPageModel
{
    private const int MaxNameLength = 200;
    private const int MaxEmailLength = 256;
    private const int MaxPasswordLength = 256;

    private static readonly EmailAddressAttribute EmailCheck = new();

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Input.DisplayName?.Trim();
        var email = Input.Email?.Trim();
        var organisation = Input.Organisation?.Trim();
        await ValidateAsync(name, email, organisation);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await limit.WaitAsync(email!, cancellationToken) is { } wait)
        {
            return Throttled(wait, text, "Input.Email", "Register_DomainLimit");
        }

        await limit.CountAsync(email!, cancellationToken);
        if (await users.FindByEmailAsync(email!) is not null)
        {
            hasher.HashPassword(new KennisHubUser(), Input.Password!);
            logger.LogInformation("Registratie voor een bestaand e-mailadres; neutraal beantwoord.");
            return RedirectToPage("/Account/Aangevraagd");
        }

        var user = new KennisHubUser
        {
            UserName = email, Email = email, DisplayName = name!, ApprovalStatus = ApprovalStatus.Pending,
            PreferredLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        };
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return RedirectToPage("/Account/Aangevraagd");
            }

            foreach (var error in result.Errors)
            {
                AddError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return Page();
        }

        if (!string.IsNullOrEmpty(organisation))
        {
            await users.AddClaimAsync(user, new Claim(KennisHubClaimTypes.Organisation, organisation));
        }

        logger.LogInformation("Account {UserId} aangevraagd.", user.Id);
        mail.QueueRequestWaits(user.DisplayName, mail.SiteAddress(Request));
        return RedirectToPage("/Account/Aangevraagd");
    }

    private async Task ValidateAsync(string? name, string? email, string? organisation)
    {
        if (string.IsNullOrEmpty(name))
        {
            AddError("Input.DisplayName", text["Field_Name_Required"]);
        }
        else if (name.Length > MaxNameLength)
        {
            AddError("Input.DisplayName", text["Field_TooLong", MaxNameLength]);
        }

        if (string.IsNullOrEmpty(email))
        {
            AddError("Input.Email", text["Field_Email_Required"]);
        }
        else if (email.Length > MaxEmailLength || !EmailCheck.IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
        {
            AddError("Input.Email", text["Field_Email_Invalid"]);
        }

        if (organisation is { Length: > MaxNameLength })
        {
            AddError("Input.Organisation", text["Field_TooLong", MaxNameLength]);
        }

        await ValidateNewPasswordAsync(users, Input.Password, Input.ConfirmPassword, "Input.Password", "Input.ConfirmPassword", text, AddError);
    }

    /// <summary>Shared with the change-password page: required, not too long, Identity's validators, both typed alike.</summary>
    internal static async Task ValidateNewPasswordAsync(
        UserManager<KennisHubUser> users, string? password, string? confirmation, string field, string confirmationField,
        IStringLocalizer<AccountText> text, Action<string, string> addError, KennisHubUser? user = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            addError(field, text["Field_Password_Required"]);
            return;
        }

        if (password.Length > MaxPasswordLength)
        {
            addError(field, text["Field_TooLong", MaxPasswordLength]);
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user ?? new KennisHubUser(), password);
            foreach (var error in result.Errors)
            {
                addError(field, error.Description);
            }
        }

        if (password != confirmation)
        {
            addError(confirmationField, text["Field_ConfirmPassword_Mismatch"]);
        }
    }

    public sealed class RegisterInput
    {
        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }

        public string? Organisation { get; set; }
    }
}
