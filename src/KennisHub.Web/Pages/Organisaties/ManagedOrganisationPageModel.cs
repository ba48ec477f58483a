using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// A page that manages one organisation: every handler starts with <see cref="AuthorizeAsync"/>, which finds the
/// organisation in the address (404 when unknown) and asks <see cref="ContactPersonHandler"/> about it (403 otherwise).
/// </summary>
public abstract class ManagedOrganisationPageModel(OrganisationQueries organisations, IAuthorizationService authorization) : PageModel
{
    public OrganisationDetail Organisation { get; private set; } = null!;

    /// <summary>Null when the signed-in person may manage the organisation; otherwise the response to return.</summary>
    protected async Task<IActionResult?> AuthorizeAsync(string slug, CancellationToken cancellationToken)
    {
        if (await organisations.FindBySlugAsync(slug, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        return (await authorization.AuthorizeAsync(User, organisation, Policies.ManageOwnOrganisation)).Succeeded ? null : Forbid();
    }
}
