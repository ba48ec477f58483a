using KennisHub.Core.Coauthoring;
using KennisHub.Core.Network;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Geschiedenis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Auteurs;

/// <summary>
/// /kennis/{slug}/auteurs and /themas/{slug}/auteurs: the item's co-authors and open invitations, for whoever may edit
/// the item (its Active co-authors and Beheerders, policies DitKennisartikelBewerken/DitThemaBewerken): invite an
/// approved member found by name, withdraw an invitation, remove a co-author (never the last), leave. An item the
/// reader may not see is 404, one they may see but not edit 403 (a visitor is sent to sign in).
/// </summary>
public sealed class IndexModel(
    HistoryQueries history, Coauthors coauthors, People people, IAuthorizationService authorization, IStringLocalizer<CoauthorText> text) : PageModel
{
    private const int MaxMatches = 20;

    private static readonly string[] KnownMessages = ["uitgenodigd", "verwijderd", "ingetrokken"];

    public HistoryItem Item { get; private set; } = HistoryItem.Article;

    public HistorySubject Subject { get; private set; } = null!;

    public IReadOnlyList<Coauthor> Authors { get; private set; } = [];

    public IReadOnlyList<MemberMatch> Matches { get; private set; } = [];

    /// <summary>The name searched for; kept in every form so a refused invitation loses nothing typed.</summary>
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public string? Message { get; private set; }

    public string? ErrorMessage { get; private set; }

    public Guid? CurrentUserId => User.GetUserId();

    public async Task<IActionResult> OnGetAsync(string soort, string slug, string? melding, CancellationToken cancellationToken)
    {
        if (await LoadAsync(soort, slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Message = KnownMessages.Contains(melding) ? melding : null;
        await SearchAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUitnodigenAsync(string soort, string slug, Guid? persoon, CancellationToken cancellationToken)
    {
        if (await LoadAsync(soort, slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (persoon is not { } inviteeId)
        {
            return await RefusedAsync(text["Authors_NoPerson"], cancellationToken);
        }

        var outcome = await coauthors.InviteAsync(Item.SubjectKind, Subject.Id, inviteeId, User.ToActor(), cancellationToken);
        return outcome == CoauthorOutcome.Done ? Done("uitgenodigd") : await RefusedAsync(Describe(outcome), cancellationToken);
    }

    public async Task<IActionResult> OnPostVerwijderenAsync(string soort, string slug, Guid? persoon, CancellationToken cancellationToken)
    {
        if (await LoadAsync(soort, slug, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (persoon is not { } userId)
        {
            return await RefusedAsync(text["Authors_NoPerson"], cancellationToken);
        }

        var wasInvited = Authors.Any(a => a.UserId == userId && !a.IsActive);
        var outcome = await coauthors.RemoveAsync(Item.SubjectKind, Subject.Id, userId, User.ToActor(), cancellationToken);
        if (outcome != CoauthorOutcome.Done)
        {
            return await RefusedAsync(Describe(outcome), cancellationToken);
        }

        // Leaving takes the person's edit rights away: back to the item, not to a page they may no longer open.
        return userId == CurrentUserId && !User.IsInRole(Core.Identity.RoleNames.Administrator)
            ? LocalRedirect(Item.ItemUrl(Subject.Slug))
            : Done(wasInvited ? "ingetrokken" : "verwijderd");
    }

    private IActionResult Done(string message) => LocalRedirect($"{Item.ItemUrl(Subject.Slug)}/auteurs?melding={message}");

    private string Describe(CoauthorOutcome outcome) => outcome switch
    {
        CoauthorOutcome.NotAMember => text["Authors_NotAMember"],
        CoauthorOutcome.MayNotSee => text["Authors_MayNotSee"],
        CoauthorOutcome.AlreadyCoauthor => text["Authors_AlreadyCoauthor"],
        CoauthorOutcome.AlreadyInvited => text["Authors_AlreadyInvited"],
        CoauthorOutcome.LastCoauthor => text["Authors_LastCoauthor"],
        _ => text["Authors_NotCoauthor"],
    };

    private async Task<IActionResult> RefusedAsync(string message, CancellationToken cancellationToken)
    {
        ErrorMessage = message;
        await SearchAsync(cancellationToken);
        var result = Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        Search = Search?.Trim();
        Matches = Search is { Length: >= 2 } ? await people.SearchMembersAsync(Search, MaxMatches, cancellationToken) : [];
    }

    /// <summary>The item through the Reader (404), then the resource-based edit policy (403 / sign in); null when allowed.</summary>
    private async Task<IActionResult?> LoadAsync(string soort, string slug, CancellationToken cancellationToken)
    {
        if (HistoryItem.FromSegment(soort) is not { } item)
        {
            return NotFound();
        }

        var subject = await history.FindSubjectAsync(User.ToReader(), item.SubjectKind, slug, cancellationToken);
        if (subject is null)
        {
            return NotFound();
        }

        var policy = item.SubjectKind == SubjectKinds.Article ? Policies.EditThisArticle : Policies.EditThisTheme;
        if (!(await authorization.AuthorizeAsync(User, new ItemResource(item.SubjectKind, subject.Id), policy)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        (Item, Subject) = (item, subject);
        Authors = await coauthors.ListAsync(item.SubjectKind, subject.Id, includeInvited: true, cancellationToken);
        return null;
    }
}
