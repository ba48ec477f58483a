using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Account;

/// <summary>The account pages' shared helpers: errors for &lt;kh-form-field&gt; and &lt;kh-error-summary&gt;, safe return addresses.</summary>
public abstract class AccountPageModel : PageModel
{
    protected void AddError(string field, string message) => ModelState.AddModelError(field, message);

    /// <summary>
    /// Too many attempts (wrong passwords, registrations): 429 with Retry-After, and the form again with the wait in
    /// words next to <paramref name="field"/> (or in the summary). Nothing was checked or saved.
    /// </summary>
    protected PageResult Throttled(TimeSpan wait, IStringLocalizer<AccountText> text, string field = "", string messageKey = "Throttled")
    {
        ArgumentNullException.ThrowIfNull(text);
        Response.Headers.RetryAfter = PasswordGuard.RetryAfter(wait);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        var inWords = seconds < 60 ? text["Wait_Seconds", seconds].Value
            : minutes == 1 ? text["Wait_Minute"].Value
            : text["Wait_Minutes", minutes].Value;
        AddError(field, text[messageKey, inWords]);
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    /// <summary>
    /// Only local paths (an open redirect would let a phishing link borrow our sign-in page), encoded so that any
    /// address, also one with "café" in it, fits in the Location header.
    /// </summary>
    protected string SafeReturnUrl(string? returnUrl) => Url.SafeLocalTarget(returnUrl);
}
