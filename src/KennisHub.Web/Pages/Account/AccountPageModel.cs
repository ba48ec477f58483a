using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Account;

/// <summary>The account pages' shared helpers: errors for &lt;kh-form-field&gt; and &lt;kh-error-summary&gt;, safe return addresses.</summary>
public abstract class AccountPageModel : PageModel
{
    protected void AddError(string field, string message) => ModelState.AddModelError(field, message);

    /// <summary>Only local paths: an open redirect would let a phishing link borrow our sign-in page.</summary>
    protected string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
