using KennisHub.Core.Feeds;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Pages.Feeds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// /account/feed ("Persoonlijke feed"): make, replace or revoke the signed-in member's personal feed address. Only ever
/// the person's own: the forms carry no account id. A new address is shown once, in the answer to the post that made
/// it (not after a redirect: the secret is never put in a cookie or an address the browser keeps in its history).
/// </summary>
public sealed class FeedModel(FeedTokens tokens, IOptions<PublicAddressOptions> address) : PageModel
{
    public DateTimeOffset? CreatedAt { get; private set; }

    /// <summary>The new personal feed address, only in the answer to the post that made it.</summary>
    public string? NewFeedUrl { get; private set; }

    public string OpenFeedUrl => address.Value.BaseUrlFor(Request) + ArticleFeed.OpenFeedPath();

    /// <summary>"gemaakt", "ingetrokken" or "geen" after a post.</summary>
    public string? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMakenAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var token = await tokens.CreateAsync(actor.Id, actor, cancellationToken);
        NewFeedUrl = address.Value.BaseUrlFor(Request) + "/feeds/kennis/" + token;
        Outcome = "gemaakt";
        Response.Headers.CacheControl = Infrastructure.Caching.CachingSetup.NoStore;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Outcome = await tokens.RevokeAsync(actor.Id, actor, cancellationToken) ? "ingetrokken" : "geen";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId() ?? throw new InvalidOperationException("Niet ingelogd.");
        CreatedAt = await tokens.CreatedAtAsync(userId, cancellationToken);
    }
}
