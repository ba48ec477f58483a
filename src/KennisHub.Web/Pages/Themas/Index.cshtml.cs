using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Themas;

/// <summary>/themas: every theme this reader may see.</summary>
public sealed class IndexModel(ThemeQueries themes) : PageModel
{
    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Themes = await themes.ListAsync(User.ToReader(), cancellationToken);
}
