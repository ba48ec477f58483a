using System.Globalization;
using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Beheer;
using KennisHub.Web.Pages.Kennis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// /organisaties/{slug}/netwerkleden: a network's contact persons (and Beheerders) add member organisations and end
/// memberships. <see cref="ManagedOrganisationPageModel.AuthorizeAsync"/> first (contact person of this network or
/// Beheerder), then 404 for an organisation that has no members by its kind. The member id in the end form reaches
/// this network's relations only: every statement names the network from the address.
/// </summary>
public sealed class NetwerkledenModel(
    OrganisationQueries organisations,
    NetworkQueries network,
    NetworkWrites writes,
    IAuthorizationService authorization,
    IStringLocalizer<NetworkText> text) : ManagedOrganisationPageModel(organisations, authorization)
{
    public const int PageSize = 50;

    private static readonly string[] KnownMessages = ["toegevoegd", "beeindigd"];

    public ListPage<NetworkRelation> Members { get; private set; } = null!;

    public string? Message { get; private set; }

    [BindProperty]
    public NetworkMemberForm Form { get; set; } = new();

    [BindProperty]
    public Guid Lid { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? melding, [FromQuery(Name = "pagina")] string? pagina, CancellationToken cancellationToken)
    {
        if (await AuthorizeNetworkAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!KnowledgeFormat.TryParsePage(pagina, out var page))
        {
            return NotFound();
        }

        Message = KnownMessages.Contains(melding) ? melding : null;
        return await ShowAsync(page, cancellationToken);
    }

    public async Task<IActionResult> OnPostToevoegenAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeNetworkAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        OrganisationSummary? member = null;
        var name = Form.Organisatie?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Form.Organisatie", text["Networks_OrganisationRequired"]);
        }
        else if (name.Length > 200 || (member = await network.FindOrganisationAsync(name, cancellationToken)) is null)
        {
            ModelState.AddModelError("Form.Organisatie", text["Networks_OrganisationUnknown", name.Length > 200 ? name[..200] : name]);
        }

        var since = Form.SinceDay(out var sinceError);
        if (sinceError is not null)
        {
            ModelState.AddModelError("Form.Sinds", text[sinceError]);
        }

        if (Form.Bron is { } source && source.Trim().Length > NetworkWrites.MaxSource)
        {
            ModelState.AddModelError("Form.Bron", text["Field_TooLong", NetworkWrites.MaxSource]);
        }

        if (ModelState.IsValid && member is not null)
        {
            var outcome = await writes.AddAsync(Organisation.Id, member.Id, since, Form.Bron, User.ToActor(), cancellationToken);
            if (outcome == RelationChange.Done)
            {
                return LocalRedirect($"/organisaties/{Organisation.Slug}/netwerkleden?melding=toegevoegd");
            }

            ModelState.AddModelError("Form.Organisatie", text["Networks_Change_" + outcome]);
        }

        return await ShowAsync(1, cancellationToken);
    }

    public async Task<IActionResult> OnPostBeeindigenAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeNetworkAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await writes.EndAsync(Organisation.Id, Lid, User.ToActor(), cancellationToken);
        if (outcome == RelationChange.Done)
        {
            return LocalRedirect($"/organisaties/{Organisation.Slug}/netwerkleden?melding=beeindigd");
        }

        ModelState.AddModelError(string.Empty, text["Networks_Change_" + outcome]);
        return await ShowAsync(1, cancellationToken);
    }

    /// <summary>The address of page {0} of the members: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Organisaties/Netwerkleden", new { slug = Organisation.Slug, pagina = page }));

    private async Task<IActionResult?> AuthorizeNetworkAsync(string slug, CancellationToken cancellationToken)
        => await AuthorizeAsync(slug, cancellationToken) ?? (NetworkKinds.HasMembers(Organisation.Kind) ? null : NotFound());

    private async Task<IActionResult> ShowAsync(int page, CancellationToken cancellationToken)
    {
        Members = await network.MembersAsync(Organisation.Id, page, PageSize, cancellationToken);
        return Members.IsPastEnd ? NotFound() : Page();
    }
}

/// <summary>The add-a-member form, as posted (kept as typed when it comes back with an error).</summary>
public sealed class NetworkMemberForm
{
    public string? Organisatie { get; set; }

    public string? Sinds { get; set; }

    public string? Bron { get; set; }

    /// <summary>The since-day as midnight UTC of that Dutch calendar day (as imported dates are), or the resource key of what is wrong.</summary>
    public DateTimeOffset? SinceDay(out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(Sinds))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(Sinds.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = "Networks_SinceInvalid";
            return null;
        }

        if (day > DateOnly.FromDateTime(DutchTime.ToDutch(DateTimeOffset.UtcNow).DateTime))
        {
            error = "Networks_SinceFuture";
            return null;
        }

        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
