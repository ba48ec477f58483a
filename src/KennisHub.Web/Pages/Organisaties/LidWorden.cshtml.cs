using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// /organisaties/{slug}/lid-worden: a network member asks to join with a short motivation; the organisation's contact
/// persons (or a Beheerder) decide. Someone who already belongs or already asked sees where their request stands.
/// </summary>
public sealed class LidWordenModel(OrganisationQueries organisations, MembershipQueries memberships, MembershipWrites writes, IStringLocalizer<NetworkText> text) : PageModel
{
    public OrganisationDetail Organisation { get; private set; } = null!;

    /// <summary>The person's current membership of this organisation, when they have one.</summary>
    public MyMembership? Current { get; private set; }

    [BindProperty]
    public string? Motivation { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var motivation = Motivation?.Trim();
        if (string.IsNullOrEmpty(motivation))
        {
            ModelState.AddModelError(nameof(Motivation), text["Join_MotivationRequired"]);
        }
        else if (motivation.Length > MembershipLimits.Motivation)
        {
            ModelState.AddModelError(nameof(Motivation), text["Field_TooLong", MembershipLimits.Motivation]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await writes.RequestAsync(Organisation.Id, User.ToActor(), motivation!, cancellationToken);
        if (outcome != MembershipChange.Done)
        {
            ModelState.AddModelError(nameof(Motivation), text["Join_AlreadyMemberOrRequested"]);
            return Page();
        }

        return LocalRedirect("/account/lidmaatschappen?melding=aangevraagd");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await organisations.FindBySlugAsync(slug, cancellationToken) is not { } organisation)
        {
            return false;
        }

        Organisation = organisation;
        var userId = User.GetUserId() ?? throw new InvalidOperationException("Niet ingelogd.");
        Current = (await memberships.ForUserAsync(userId, cancellationToken))
            .FirstOrDefault(m => m.OrganisationId == organisation.Id && m.Status is MembershipStatus.Requested or MembershipStatus.Approved);
        return true;
    }
}
