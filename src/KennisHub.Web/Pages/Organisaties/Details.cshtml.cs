using KennisHub.Core.Organisations;
using KennisHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>/organisaties/{slug}: the organisation, its member count and the articles this reader may see.</summary>
public sealed class DetailsModel(OrganisationQueries organisations) : PageModel
{
    public OrganisationDetail Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindBySlugAsync(User.ToReader(), slug, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        return Page();
    }
}
