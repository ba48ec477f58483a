using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages;

/// <summary>
/// The Dutch error page, also re-executed for 4xx status codes. The handlers take no parameters on purpose: binding
/// would read the form of a re-executed POST, which is exactly what was refused (too large, wrong type).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The codes with their own text; any other code shows the general text.</summary>
    public static readonly IReadOnlySet<int> CodesWithText = new HashSet<int> { 400, 403, 404, 405, 413, 415, 429, 500 };

    private int? errorStatusCode;

    /// <summary>
    /// From the query, read when first shown: a page re-executed for a refused PUT, DELETE or PATCH runs no handler.
    /// </summary>
    public int ErrorStatusCode => errorStatusCode ??=
        int.TryParse(Request.Query["statusCode"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 500;

    public int KnownStatusCode => CodesWithText.Contains(ErrorStatusCode) ? ErrorStatusCode
        : ErrorStatusCode is >= 400 and < 500 ? 400 : 500;

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
