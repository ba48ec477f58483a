using KennisHub.Components;
using KennisHub.Core.Editing;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Geschiedenis;

/// <summary>
/// /kennis/{slug}/vergelijken?van=N&amp;naar=M (and /themas/...): any two revisions of an item as a word-level diff,
/// inline or side by side (?weergave=naast; plain links, no script), title changes included. Without numbers it
/// compares the two newest. A number that is not a whole number from 1 is 400, one the item does not have 404, both
/// with a Dutch message; an item the reader may not see is 404 like every other read.
/// </summary>
public sealed class VergelijkenModel(HistoryQueries history, IStringLocalizer<HistoryText> text) : PageModel
{
    public HistoryItem Item { get; private set; } = HistoryItem.Article;

    public HistorySubject Subject { get; private set; } = null!;

    public Revision? Older { get; private set; }

    public Revision? Newer { get; private set; }

    public ProseDiff? Diff { get; private set; }

    public RevisionDiffView View { get; private set; } = RevisionDiffView.Inline;

    public string? ErrorMessage { get; private set; }

    /// <summary>The numbers as typed, so the form shows them back after an error.</summary>
    public string? From { get; private set; }

    public string? To { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        string soort,
        string slug,
        [FromQuery(Name = "van")] string? van,
        [FromQuery(Name = "naar")] string? naar,
        [FromQuery(Name = "weergave")] string? weergave,
        CancellationToken cancellationToken)
    {
        if (HistoryItem.FromSegment(soort) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        (From, To) = (van, naar);
        View = weergave == "naast" ? RevisionDiffView.SideBySide : RevisionDiffView.Inline;
        var reader = User.ToReader();

        var fromGiven = !string.IsNullOrEmpty(van);
        var toGiven = !string.IsNullOrEmpty(naar);
        if ((fromGiven && !HistoryItem.TryParseNumber(van, out _)) || (toGiven && !HistoryItem.TryParseNumber(naar, out _)))
        {
            var subject = await history.FindSubjectAsync(reader, item.SubjectKind, slug, cancellationToken);
            if (subject is null)
            {
                return NotFound();
            }

            Subject = subject;
            var bad = fromGiven && !HistoryItem.TryParseNumber(van, out _) ? van : naar;
            return Problem(StatusCodes.Status400BadRequest, text["Compare_NumberInvalid", bad ?? string.Empty]);
        }

        if (!fromGiven || !toGiven)
        {
            // Without both numbers: the newest revision and the one before it (or the one number given and the newest).
            var subject = await history.FindSubjectAsync(reader, item.SubjectKind, slug, cancellationToken);
            if (subject is null || subject.LatestRevision == 0)
            {
                return NotFound();
            }

            var newest = subject.LatestRevision;
            var fromNumber = fromGiven ? int.Parse(van!, System.Globalization.CultureInfo.InvariantCulture) : Math.Max(1, (toGiven ? int.Parse(naar!, System.Globalization.CultureInfo.InvariantCulture) : newest) - 1);
            var toNumber = toGiven ? int.Parse(naar!, System.Globalization.CultureInfo.InvariantCulture) : newest;
            return LocalRedirect(item.CompareUrl(subject.Slug, fromNumber, toNumber, View == RevisionDiffView.SideBySide));
        }

        HistoryItem.TryParseNumber(van, out var first);
        HistoryItem.TryParseNumber(naar, out var second);
        var (found, revisions) = await history.RevisionsAsync(reader, item.SubjectKind, slug, first, second, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Subject = found;
        var missing = new[] { first, second }.FirstOrDefault(n => revisions.All(r => r.Number != n));
        if (missing != 0)
        {
            return Problem(StatusCodes.Status404NotFound, text["Compare_NumberUnknown", missing, found.LatestRevision]);
        }

        // The older revision on the left whichever order the numbers came in.
        Older = revisions[0];
        Newer = revisions[^1];
        Diff = ProseDiff.Compare(Older.Markdown, Newer.Markdown);
        return Page();
    }

    public bool TitleChanged => Older is not null && Newer is not null && !string.Equals(Older.Title, Newer.Title, StringComparison.Ordinal);

    public string ViewUrl(bool sideBySide) => Item.CompareUrl(Subject.Slug, Older!.Number, Newer!.Number, sideBySide);

    private PageResult Problem(int status, string message)
    {
        ErrorMessage = message;
        var result = Page();
        result.StatusCode = status;
        return result;
    }
}
