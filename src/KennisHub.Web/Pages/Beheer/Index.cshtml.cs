using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Beheer;

/// <summary>
/// /beheer: what waits for a Beheerder, with the counts, the way to each Beheer page, and the Beheerder's own
/// choice whether a new account request is mailed to them. Policy Beheren (folder).
/// </summary>
public sealed class IndexModel(AccountAdministration accounts) : PageModel
{
    /// <summary>One kind of waiting work: its text key (BeheerText), the page that handles it, and how many wait.</summary>
    public sealed record WaitingWork(string TextKey, string Href, int Count);

    public IReadOnlyList<WaitingWork> Waiting { get; private set; } = [];

    public int WaitingTotal => Waiting.Sum(work => work.Count);

    public bool NotifyOnAccountRequests { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool opgeslagen, CancellationToken cancellationToken)
    {
        // A new kind of work (memberships, suggestions, flagged comments) is one more line here and one text key.
        Waiting =
        [
            new("Overview_Work_Accounts", "/beheer/accounts", await accounts.CountPendingAsync(cancellationToken)),
        ];
        NotifyOnAccountRequests = await accounts.NotifiesOnAccountRequestsAsync(User.ToActor().Id, cancellationToken);
        Saved = opgeslagen;
    }

    public async Task<IActionResult> OnPostMeldingenAsync(bool meldingen, CancellationToken cancellationToken)
    {
        await accounts.SetNotifyOnAccountRequestsAsync(User.ToActor(), meldingen, cancellationToken);
        return Redirect("/beheer?opgeslagen=true#mail");
    }
}
