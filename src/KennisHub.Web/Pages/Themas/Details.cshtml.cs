using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Themas;

/// <summary>/themas/{slug}: the theme's stored HTML and its articles this reader may see; 404 when not visible.</summary>
public sealed class DetailsModel(ThemeQueries themes) : PageModel
{
    public ThemeDetail Theme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var theme = await themes.FindBySlugAsync(User.ToReader(), slug, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }

        Theme = theme;
        return Page();
    }
}
