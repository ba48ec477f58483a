using KennisHub.Core.Following;
using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Mijn;

/// <summary>
/// /mijn ("Mijn KennisHub"): what changed in what the member follows since their previous visit, what they follow
/// (with a button to stop), and their open membership requests. Only ever the signed-in member's own; every list
/// reads through the member's Reader, so nothing they may not see appears.
/// </summary>
public sealed class IndexModel(Follows follows, MembershipQueries memberships) : PageModel
{
    /// <summary>How many changes the page lists.</summary>
    public const int ChangeCount = 50;

    public DateTimeOffset Since { get; private set; }

    public IReadOnlyList<FollowedChange> Changes { get; private set; } = [];

    public IReadOnlyList<FollowedItem> Following { get; private set; } = [];

    public IReadOnlyList<MyMembership> OpenRequests { get; private set; } = [];

    public bool Unfollowed { get; private set; }

    public async Task OnGetAsync(string? melding, CancellationToken cancellationToken)
    {
        Unfollowed = melding == "ontvolgd";
        var member = User.ToActor();
        Since = await follows.VisitAsync(member.Id, cancellationToken);
        var reader = User.ToReader();
        Changes = await follows.ChangesSinceAsync(reader, Since, ChangeCount, cancellationToken);
        Following = await follows.ListAsync(reader, cancellationToken);
        OpenRequests = (await memberships.ForUserAsync(member.Id, cancellationToken)).Where(m => m.Status == MembershipStatus.Requested).ToList();
    }

    /// <summary>Stops one of the member's own follows (the form names the kind and id; nobody else's follow can be touched).</summary>
    public async Task<IActionResult> OnPostOntvolgenAsync(FollowKind soort, Guid id, CancellationToken cancellationToken)
    {
        var followed = (await follows.ListAsync(User.ToReader(), cancellationToken)).FirstOrDefault(f => f.Kind == soort && f.SubjectId == id);
        if (followed is not null)
        {
            await follows.UnfollowAsync(User.ToActor(), followed.Kind, followed.SubjectId, followed.Title, cancellationToken);
        }

        return LocalRedirect("/mijn?melding=ontvolgd");
    }
}
