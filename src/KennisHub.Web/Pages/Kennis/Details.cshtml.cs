using KennisHub.Core.Articles;
using KennisHub.Core.Attachments;
using KennisHub.Core.Content;
using KennisHub.Core.Linking;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Shared.Editing;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>
/// /kennis/{slug}: the article's stored HTML with its internal links resolved for this reader, its metadata and what
/// links to it; 404 when unknown or not visible to this reader. An old slug of a renamed article answers with a
/// permanent redirect to the current one.
/// </summary>
public sealed class DetailsModel(
    ArticleQueries articles,
    LinkQueries links,
    AttachmentStore attachmentStore,
    SlugRedirects redirects,
    IAuthorizationService authorization,
    IStringLocalizer<HistoryText> historyText) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>The body with every internal link resolved for this reader (or marked broken).</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>"Verwijst hierheen": the items this reader may see that link to this article.</summary>
    public IReadOnlyList<LinkedItem> LinkedFrom { get; private set; } = [];

    /// <summary>The item's images and files (the same visibility as the item).</summary>
    public IReadOnlyList<AttachmentSummary> Attachments { get; private set; } = [];

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
        var itemLinks = await links.ForItemAsync(reader, SubjectKinds.Article, article.Slug, article.BodyHtml, cancellationToken);
        BodyHtml = LinkResolver.Resolve(article.BodyHtml, itemLinks.Targets, historyText["Links_Broken"]);
        LinkedFrom = itemLinks.LinkedFrom;
        Attachments = await attachmentStore.ListAsync(reader, SubjectKinds.Article, article.Id, cancellationToken);
        MayEdit = reader.IsSignedIn
            && (await authorization.AuthorizeAsync(User, new ItemResource(SubjectKinds.Article, article.Id), Policies.EditThisArticle)).Succeeded;
        Status = reader.IsSignedIn ? SaveStatus.ReadOnce(this) : null;
        return Page();
    }
}
