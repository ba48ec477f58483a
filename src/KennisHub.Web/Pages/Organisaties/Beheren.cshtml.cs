using System.Globalization;
using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Beheer;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// /organisaties/{slug}/beheren: the organisation's contact persons (and Beheerders) decide requests, keep members'
/// functions, name and remove contact persons, and record who may speak for the organisation. Every handler first
/// asks <see cref="ContactPersonHandler"/> about the organisation in the address; the person ids in the forms reach
/// that organisation's members only, because every write names the organisation again in its SQL.
/// </summary>
public sealed class BeherenModel(
    OrganisationQueries organisations,
    MembershipQueries memberships,
    MembershipWrites writes,
    IAuthorizationService authorization,
    IStringLocalizer<NetworkText> text) : ManagedOrganisationPageModel(organisations, authorization)
{
    private static readonly string[] KnownMessages = ["goedgekeurd", "afgewezen", "functie", "contactpersoon", "overgedragen", "beeindigd", "mandaat", "mandaat-beeindigd"];

    public IReadOnlyList<OrganisationMember> Members { get; private set; } = [];

    public IReadOnlyList<Mandate> Mandates { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The member a failed form was about: its fields show what was typed and the error.</summary>
    public Guid? FailedFor { get; private set; }

    [BindProperty]
    public Guid Lid { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    [BindProperty]
    public string? Functie { get; set; }

    [BindProperty]
    public string? Soort { get; set; }

    [BindProperty]
    public string? Begin { get; set; }

    [BindProperty]
    public string? Einde { get; set; }

    [BindProperty]
    public Guid Mandaat { get; set; }

    public IEnumerable<OrganisationMember> Requests => Members.Where(m => m.Status == MembershipStatus.Requested);

    public IEnumerable<OrganisationMember> Approved => Members.Where(m => m.Status == MembershipStatus.Approved);

    public async Task<IActionResult> OnGetAsync(string slug, string? melding, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = KnownMessages.Contains(melding) ? melding : null;
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostGoedkeurenAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "goedgekeurd", "Reden", () => writes.DecideAsync(Organisation.Id, Lid, approve: true, Reden, User.ToActor(), cancellationToken),
            () => CheckLength(nameof(Reden), Reden, MembershipLimits.Reason), cancellationToken);

    public Task<IActionResult> OnPostAfwijzenAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "afgewezen", "Reden", () => writes.DecideAsync(Organisation.Id, Lid, approve: false, Reden, User.ToActor(), cancellationToken),
            () =>
            {
                if (string.IsNullOrWhiteSpace(Reden))
                {
                    ModelState.AddModelError(nameof(Reden), text["Manage_ReasonRequired"]);
                }

                CheckLength(nameof(Reden), Reden, MembershipLimits.Reason);
            }, cancellationToken);

    public Task<IActionResult> OnPostFunctieAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "functie", "Functie", () => writes.SetJobTitleAsync(Organisation.Id, Lid, Functie, User.ToActor(), cancellationToken),
            () => CheckLength(nameof(Functie), Functie, MembershipLimits.JobTitle), cancellationToken);

    public Task<IActionResult> OnPostContactpersoonAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "contactpersoon", "", () => writes.SetContactPersonAsync(Organisation.Id, Lid, true, User.ToActor(), cancellationToken), null, cancellationToken);

    /// <summary>A contact person stops being one; the last one names a successor (<see cref="Lid"/>) in the same step.</summary>
    public Task<IActionResult> OnPostTerugtredenAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "overgedragen", "", () => writes.HandOverAsync(Organisation.Id, User.ToActor().Id, Lid, User.ToActor(), cancellationToken), null, cancellationToken);

    /// <summary>A Beheerder or contact person takes the contact role from someone else (never leaving none).</summary>
    public Task<IActionResult> OnPostContactpersoonAfAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "contactpersoon", "", () => writes.SetContactPersonAsync(Organisation.Id, Lid, false, User.ToActor(), cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostBeeindigenAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "beeindigd", "", () => writes.EndAsync(Organisation.Id, Lid, User.ToActor(), cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostMandaatAsync(string slug, CancellationToken cancellationToken)
    {
        MandateKind kind = default;
        DateTimeOffset start = default;
        DateTimeOffset? end = null;
        return ChangeAsync(slug, "mandaat", "Einde", () => writes.RecordMandateAsync(Organisation.Id, Lid, kind, start, end, User.ToActor(), cancellationToken), () =>
        {
            if (!Enum.TryParse(Soort, ignoreCase: false, out kind) || !Enum.IsDefined(kind))
            {
                ModelState.AddModelError(nameof(Soort), text["Mandate_KindRequired"]);
            }

            // Dates are Dutch calendar days: a mandate starts at the start of its first day and holds through its last.
            var today = DateOnly.FromDateTime(DutchTime.ToDutch(DateTimeOffset.UtcNow).DateTime);
            var startDay = string.IsNullOrWhiteSpace(Begin) ? today : ParseDate(Begin);
            if (startDay is null)
            {
                ModelState.AddModelError(nameof(Begin), text["Mandate_DateInvalid"]);
            }
            else
            {
                start = DutchTime.StartOfDay(startDay) ?? DateTimeOffset.UtcNow;
            }

            if (!string.IsNullOrWhiteSpace(Einde))
            {
                var endDay = ParseDate(Einde);
                if (endDay is null)
                {
                    ModelState.AddModelError(nameof(Einde), text["Mandate_DateInvalid"]);
                }
                else if (endDay < today)
                {
                    ModelState.AddModelError(nameof(Einde), text["Mandate_EndInPast"]);
                }
                else if (startDay is not null && endDay < startDay)
                {
                    ModelState.AddModelError(nameof(Einde), text["Mandate_EndBeforeStart"]);
                }
                else
                {
                    end = DutchTime.StartOfDay(endDay.Value.AddDays(1));
                }
            }
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostMandaatBeeindigenAsync(string slug, CancellationToken cancellationToken)
        => ChangeAsync(slug, "mandaat-beeindigd", "", () => writes.EndMandateAsync(Organisation.Id, Mandaat, User.ToActor(), cancellationToken), null, cancellationToken);

    /// <summary>A date as the date field sends it (yyyy-MM-dd); null when it is not one.</summary>
    private static DateOnly? ParseDate(string value)
        => DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private void CheckLength(string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            ModelState.AddModelError(field, text["Field_TooLong", max]);
        }
    }

    private async Task<IActionResult> ChangeAsync(
        string slug, string message, string field, Func<Task<MembershipChange>> change, Action? validate, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        validate?.Invoke();
        if (ModelState.IsValid)
        {
            var outcome = await change();
            if (outcome == MembershipChange.Done)
            {
                return LocalRedirect($"/organisaties/{Organisation.Slug}/beheren?melding={message}");
            }

            ModelState.AddModelError(field, text["Change_" + outcome]);
        }

        FailedFor = Lid;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Members = await memberships.MembersAsync(Organisation.Id, cancellationToken);
        Mandates = await memberships.MandatesAsync(Organisation.Id, cancellationToken);
        return Page();
    }
}
