using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>
/// /kennis/{slug}: the article's stored HTML and metadata; 404 when unknown or not visible to this reader. An old slug
/// of a renamed article answers with a permanent redirect to the current one.
/// </summary>
public sealed class DetailsModel(ArticleQueries articles, SlugRedirects redirects, IAuthorizationService authorization) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>Whether this reader may edit the article (shows "Bewerken").</summary>
    public bool MayEdit { get; private set; }

    /// <summary>The status line of the save that led here (set by the editor, read once).</summary>
    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var reader = User.ToReader();
        var article = await articles.FindBySlugAsync(reader, slug, cancellationToken);
        if (article is null)
        {
            return await redirects.CurrentSlugAsync(reader, SubjectKinds.Article, slug, cancellationToken) is { } current
                ? RedirectPermanent($"/kennis/{current}")
                : NotFound();
        }

        Article = article;
        MayEdit = reader.IsSignedIn
            && (await authorization.AuthorizeAsync(User, new ItemResource(SubjectKinds.Article, article.Id), Policies.EditThisArticle)).Succeeded;
        Status = reader.IsSignedIn ? TempData["Status"] as string : null;
        return Page();
    }
}
