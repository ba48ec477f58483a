using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>
/// The status line a save leaves for the item page it redirects to ("Opgeslagen."), carried in TempData. The item
/// pages are kept per reader class (CachingSetup), so they read TempData only when this browser carries a TempData
/// cookie: touching TempData answers with a Set-Cookie (clearing it), and a response with a cookie is never kept.
/// Reading it on every request made every member's article page uncacheable.
/// </summary>
public static class SaveStatus
{
    private const string Key = "Status";

    public static void Set(ITempDataDictionary tempData, string status) => tempData[Key] = status;

    public static string? ReadOnce(PageModel page)
        => page.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName) ? page.TempData[Key] as string : null;
}
