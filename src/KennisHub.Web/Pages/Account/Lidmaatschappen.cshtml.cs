using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// /account/lidmaatschappen ("Mijn lidmaatschappen"): the person's requests and memberships with their outcomes and
/// reasons, and leaving an organisation. Only ever the signed-in person's own: the form names an organisation, never a
/// person.
/// </summary>
public sealed class LidmaatschappenModel(MembershipQueries memberships, MembershipWrites writes, People people) : PageModel
{
    private static readonly string[] KnownMessages = ["aangevraagd", "verlaten"];

    public IReadOnlyList<MyMembership> Memberships { get; private set; } = [];

    public string? ProfileSlug { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The organisation the person could not leave (the last contact person), to link its management page.</summary>
    public MyMembership? CannotLeave { get; private set; }

    public async Task OnGetAsync(string? melding, CancellationToken cancellationToken)
    {
        Message = KnownMessages.Contains(melding) ? melding : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVerlatenAsync(Guid organisatie, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var outcome = await writes.EndAsync(organisatie, actor.Id, actor, cancellationToken);
        if (outcome == MembershipChange.Done)
        {
            return LocalRedirect("/account/lidmaatschappen?melding=verlaten");
        }

        await LoadAsync(cancellationToken);
        CannotLeave = outcome == MembershipChange.LastContactPerson ? Memberships.FirstOrDefault(m => m.OrganisationId == organisatie) : null;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId() ?? throw new InvalidOperationException("Niet ingelogd.");
        Memberships = await memberships.ForUserAsync(userId, cancellationToken);
        ProfileSlug = await people.SlugOfAsync(userId, cancellationToken);
    }
}
