using KennisHub.Core.Data;
using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// /organisaties/{slug}/profiel: the contact persons (or a Beheerder) keep the organisation's description (Markdown,
/// through the one pipeline), website and place. A save that crosses another's keeps what was typed and says so.
/// </summary>
public sealed class ProfielModel(
    OrganisationQueries organisations,
    OrganisationWrites writes,
    IAuthorizationService authorization,
    IStringLocalizer<NetworkText> text) : ManagedOrganisationPageModel(organisations, authorization)
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public sealed class ProfileInput
    {
        public string? Description { get; set; }

        public string? Website { get; set; }

        public string? Place { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var profile = await writes.FindProfileAsync(Organisation.Id, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }

        Input = new ProfileInput { Description = profile.DescriptionMarkdown, Website = profile.Website, Place = profile.Place, Version = profile.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var description = Input.Description?.Trim() ?? "";
        var website = string.IsNullOrWhiteSpace(Input.Website) ? null : Input.Website.Trim();
        var place = string.IsNullOrWhiteSpace(Input.Place) ? null : Input.Place.Trim();
        if (description.Length > OrganisationWrites.MaxDescription)
        {
            ModelState.AddModelError("Input.Description", text["Field_TooLong", OrganisationWrites.MaxDescription]);
        }

        if (website is not null && (website.Length > OrganisationWrites.MaxWebsite || !IsWebAddress(website)))
        {
            ModelState.AddModelError("Input.Website", text["Profile_WebsiteInvalid"]);
        }

        if (place is { Length: > OrganisationWrites.MaxPlace })
        {
            ModelState.AddModelError("Input.Place", text["Field_TooLong", OrganisationWrites.MaxPlace]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await writes.UpdateProfileAsync(Organisation.Id, new OrganisationProfile { DescriptionMarkdown = description, Website = website, Place = place, Version = Input.Version }, User.ToActor(), cancellationToken);
        }
        catch (EditConflictException)
        {
            ModelState.AddModelError("", text["Profile_Conflict"]);
            Input.Version = (await writes.FindProfileAsync(Organisation.Id, cancellationToken))?.Version ?? Input.Version;
            return Page();
        }

        return LocalRedirect($"/organisaties/{Organisation.Slug}");
    }

    /// <summary>An absolute http(s) address with a host: what a website link may be (no javascript:, no relative path).</summary>
    public static bool IsWebAddress(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.', StringComparison.Ordinal)
            && !value.Any(char.IsWhiteSpace);
}
