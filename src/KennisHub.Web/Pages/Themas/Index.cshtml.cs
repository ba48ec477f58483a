using KennisHub.Core.Reading;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Pages.Kennis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Themas;

/// <summary>/themas: the themes this reader may see, by title, paged; a bad page number is 400, a page past the end 404.</summary>
public sealed class IndexModel(ThemeQueries themes, IStringLocalizer<KnowledgeText> text) : PageModel
{
    public ListPage<ThemeSummary> Themes { get; private set; } = new([], 1, KnowledgeFormat.PageSize, false);

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "pagina")] string? pagina, CancellationToken cancellationToken)
    {
        if (!KnowledgeFormat.TryParsePage(pagina, out var page))
        {
            ErrorMessage = text["Paging_Invalid", pagina ?? string.Empty];
            var result = Page();
            result.StatusCode = StatusCodes.Status400BadRequest;
            return result;
        }

        Themes = await themes.ListPageAsync(User.ToReader(), page, KnowledgeFormat.PageSize, cancellationToken);
        return Themes.IsPastEnd ? NotFound() : Page();
    }

    /// <summary>The address of page {0}: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Themas/Index", new { pagina = page }));
}
