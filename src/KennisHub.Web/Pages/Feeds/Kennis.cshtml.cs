using KennisHub.Core.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Feeds;

/// <summary>
/// /feeds/kennis[?thema=&amp;trefwoord=]: the open Atom feed. It carries public items only, also when a member opens it
/// in a signed-in browser, so the address can be shared and is the same for everyone (cached as a public page).
/// </summary>
public sealed class KennisModel(ArticleFeed feed) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "thema")] string? thema, [FromQuery(Name = "trefwoord")] string? trefwoord, CancellationToken cancellationToken)
    {
        var atom = await feed.WriteAsync(Reader.Visitor, thema, trefwoord, Request, token: null, cancellationToken);
        return atom is null ? NotFound() : ArticleFeed.Result(atom);
    }
}
