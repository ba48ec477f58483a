using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Pages.Kennis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Geschiedenis;

/// <summary>
/// /kennis/{slug}/geschiedenis and /themas/{slug}/geschiedenis: the item's revisions, newest first, paged, with a
/// form to compare any two. Readable by whoever may read the item (a hidden item's history is 404); a bad page
/// number is 400 with a Dutch message, a page past the end 404.
/// </summary>
public sealed class IndexModel(HistoryQueries history, IStringLocalizer<HistoryText> text) : PageModel
{
    public const int PageSize = 50;

    public HistoryItem Item { get; private set; } = HistoryItem.Article;

    public HistorySubject? Subject { get; private set; }

    public ListPage<RevisionListItem>? Revisions { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>
    /// Whether to offer "Herstellen". Shown to every signed-in member: the restore page itself checks EditArticle /
    /// EditTheme and answers 403 to whoever may not edit, so the link promises nothing the page does not check.
    /// </summary>
    public bool MayOfferRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string soort, string slug, [FromQuery(Name = "pagina")] string? pagina, CancellationToken cancellationToken)
    {
        if (HistoryItem.FromSegment(soort) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        var reader = User.ToReader();
        if (!KnowledgeFormat.TryParsePage(pagina, out var page))
        {
            Subject = await history.FindSubjectAsync(reader, item.SubjectKind, slug, cancellationToken);
            if (Subject is null)
            {
                return NotFound();
            }

            ErrorMessage = text["History_PageInvalid", pagina ?? string.Empty];
            var result = Page();
            result.StatusCode = StatusCodes.Status400BadRequest;
            return result;
        }

        var found = await history.HistoryAsync(reader, item.SubjectKind, slug, page, PageSize, cancellationToken);
        if (found is not { } history1 || history1.Revisions.IsPastEnd)
        {
            return NotFound();
        }

        (Subject, Revisions) = history1;
        MayOfferRestore = reader.IsNetworkMember;
        return Page();
    }

    public int PageCount => RevisionStore.PageCount(Subject?.LatestRevision ?? 0, PageSize);

    /// <summary>The address of page {0} of this history: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Geschiedenis/Index", new { soort = Item.Segment, slug = Subject!.Slug, pagina = page }));
}
