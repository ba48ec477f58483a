using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages;

/// <summary>The Dutch error page, also re-executed for 4xx status codes (404 says "Pagina niet gevonden").</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int ErrorStatusCode { get; private set; } = 500;

    public void OnGet(int? statusCode) => ErrorStatusCode = statusCode ?? 500;

    public void OnPost(int? statusCode) => ErrorStatusCode = statusCode ?? 500;
}
