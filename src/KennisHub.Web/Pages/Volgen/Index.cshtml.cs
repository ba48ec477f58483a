using KennisHub.Core.Following;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Volgen;

/// <summary>
/// /volgen/{soort}/{slug}: whether the member follows this article, theme, organisation or keyword, with the button to
/// start or stop. The item pages link here instead of carrying the form themselves: they are cached per reader class
/// and may show nothing personal (CachingSetup). An item the member may not see is 404, as on its own page.
/// </summary>
public sealed class IndexModel(FollowTargets targets, Follows follows) : PageModel
{
    public FollowTarget Target { get; private set; } = null!;

    public bool IsFollowing { get; private set; }

    /// <summary>"gevolgd" or "ontvolgd" after a post.</summary>
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string soort, string slug, string? melding, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(soort, slug, cancellationToken))
        {
            return NotFound();
        }

        Outcome = melding is "gevolgd" or "ontvolgd" ? melding : null;
        return Page();
    }

    public Task<IActionResult> OnPostVolgenAsync(string soort, string slug, CancellationToken cancellationToken)
        => ChangeAsync(soort, slug, follow: true, cancellationToken);

    public Task<IActionResult> OnPostOntvolgenAsync(string soort, string slug, CancellationToken cancellationToken)
        => ChangeAsync(soort, slug, follow: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string soort, string slug, bool follow, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(soort, slug, cancellationToken))
        {
            return NotFound();
        }

        var member = User.ToActor();
        _ = follow
            ? await follows.FollowAsync(member, Target.Kind, Target.Id, Target.Title, cancellationToken)
            : await follows.UnfollowAsync(member, Target.Kind, Target.Id, Target.Title, cancellationToken);
        return LocalRedirect(FollowTarget.FollowUrl(Target.Kind, slug) + (follow ? "?melding=gevolgd" : "?melding=ontvolgd"));
    }

    private async Task<bool> LoadAsync(string soort, string slug, CancellationToken cancellationToken)
    {
        var target = await targets.FindAsync(User.ToReader(), soort, slug, cancellationToken);
        if (target is null)
        {
            return false;
        }

        Target = target;
        IsFollowing = await follows.IsFollowingAsync(User.ToActor().Id, target.Kind, target.Id, cancellationToken);
        return true;
    }
}
