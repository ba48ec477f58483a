using KennisHub.Core.Feeds;
using KennisHub.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Feeds;

/// <summary>
/// /feeds/kennis/{token}[?thema=&amp;trefwoord=]: a member's personal feed, read as the token's owner with their roles
/// at this moment. An unknown or revoked token, or an owner who may no longer read, is 404 (it says nothing about
/// whether the token ever existed). Never stored by any cache: a revoked token must stop at once.
/// </summary>
public sealed class PersoonlijkModel(ArticleFeed feed, FeedTokens tokens) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        string token, [FromQuery(Name = "thema")] string? thema, [FromQuery(Name = "trefwoord")] string? trefwoord, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = CachingSetup.PrivateCacheControl;
        var reader = await tokens.ReaderForAsync(token, cancellationToken);
        if (reader is null)
        {
            return NotFound();
        }

        // The self link names the token (a feed reader must be able to refetch it); the feed's id does not.
        var atom = await feed.WriteAsync(reader, thema, trefwoord, Request, token, cancellationToken);
        return atom is null ? NotFound() : ArticleFeed.Result(atom);
    }
}
