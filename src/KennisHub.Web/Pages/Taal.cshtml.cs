using System.Globalization;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages;

/// <summary>
/// The language switch: the header's one-button form and this page's radio form both send a GET here
/// (<c>/taal?culture=en&amp;returnUrl=...</c>). The choice goes in ASP.NET Core's culture cookie (read first by
/// LocalizationSetup), then back to where the user was. A GET on purpose: choosing a language changes nothing on the
/// server, so it needs no antiforgery token, and a page without a token can be cached (docs/ARCHITECTURE.md, caching).
/// Works without JavaScript.
/// </summary>
public sealed class TaalModel(IStringLocalizer<ValidationText> validation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public IActionResult OnGet(string? culture)
    {
        if (culture is null)
        {
            return Page();
        }

        var chosen = LocalizationSetup.FindSupported(culture);
        if (chosen is null)
        {
            ModelState.AddModelError("culture", validation["Binding_ValueIsInvalid", culture]);
            return Page();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            LocalizationSetup.CookieValueFor(chosen),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
            });
        return LocalRedirect(Url.SafeLocalTarget(ReturnUrl));
    }
}
