using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in person without the right role; answers 403.</summary>
[IgnoreAntiforgeryToken]
public sealed class GeenToegangModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;

    public void OnPost() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
