using KennisHub.Core.Linking;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Geschiedenis;

/// <summary>
/// /kennis/{slug}/geschiedenis/{nummer} (and /themas/...): one revision as it read then, rendered by the publishing
/// pipeline. 404 for an item the reader may not see, and for a number the item does not have.
/// </summary>
public sealed class VersieModel(HistoryQueries history, MarkdownRenderer renderer, LinkQueries links, IStringLocalizer<HistoryText> text) : PageModel
{
    public HistoryItem Item { get; private set; } = HistoryItem.Article;

    public HistorySubject Subject { get; private set; } = null!;

    public Revision Revision { get; private set; } = null!;

    public string BodyHtml { get; private set; } = string.Empty;

    public bool MayOfferRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string soort, string slug, string nummer, CancellationToken cancellationToken)
    {
        if (HistoryItem.FromSegment(soort) is not { } item || !HistoryItem.TryParseNumber(nummer, out var number))
        {
            return NotFound();
        }

        var reader = User.ToReader();
        var (subject, revisions) = await history.RevisionsAsync(reader, item.SubjectKind, slug, number, number, cancellationToken);
        if (subject is null || revisions.Count == 0)
        {
            return NotFound();
        }

        (Item, Subject, Revision) = (item, subject, revisions[0]);
        // An old text's links are resolved as today's readers may see their targets (the query only runs if it has any).
        var html = renderer.Render(Revision.Markdown).Html;
        BodyHtml = LinkResolver.Resolve(html, await links.TargetsAsync(reader, html, cancellationToken), text["Links_Broken"]);
        MayOfferRestore = reader.IsNetworkMember && number < subject.LatestRevision;
        return Page();
    }
}
