using KennisHub.Core.Articles;
using KennisHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>/kennis/{slug}: the article's stored HTML and metadata; 404 when unknown or not visible to this reader.</summary>
public sealed class DetailsModel(ArticleQueries articles) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await articles.FindBySlugAsync(User.ToReader(), slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        return Page();
    }
}
