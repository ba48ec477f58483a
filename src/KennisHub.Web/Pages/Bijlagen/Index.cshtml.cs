using KennisHub.Core.Attachments;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Geschiedenis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Pages.Bijlagen;

/// <summary>
/// /kennis/{slug}/bijlagen and /themas/{slug}/bijlagen: the item's images and files, readable by whoever may read the
/// item (404 otherwise), with an upload form for whoever may edit it (author, Active co-author, Beheerder). A post by
/// someone who may see but not edit the item is 403 (a visitor is sent to sign in); the type is checked from the
/// content, the size against Attachments:MaxBytes, each with a Dutch message.
/// </summary>
public sealed class IndexModel(
    HistoryQueries history, AttachmentStore attachments, IOptions<AttachmentOptions> options, IStringLocalizer<HistoryText> text) : PageModel
{
    public HistoryItem Item { get; private set; } = HistoryItem.Article;

    public HistorySubject Subject { get; private set; } = null!;

    public IReadOnlyList<AttachmentSummary> Attachments { get; private set; } = [];

    public bool MayUpload { get; private set; }

    public string? ErrorMessage { get; private set; }

    public long MaxBytes => options.Value.MaxBytes;

    [BindProperty(SupportsGet = true, Name = "geplaatst")]
    public Guid? Uploaded { get; set; }

    public async Task<IActionResult> OnGetAsync(string soort, string slug, CancellationToken cancellationToken)
        => await LoadAsync(soort, slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string soort, string slug, IFormFile? bestand, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(soort, slug, cancellationToken))
        {
            return NotFound();
        }

        if (!MayUpload)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        Uploaded = null;
        if (bestand is null || bestand.Length == 0)
        {
            return Invalid(text["Attachments_NoFile"]);
        }

        if (bestand.Length > MaxBytes)
        {
            return Invalid(text["Attachments_TooLarge", SizeText(MaxBytes)]);
        }

        byte[] content;
        await using (var stream = bestand.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)bestand.Length);
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var (outcome, saved) = await attachments.AddAsync(Item.SubjectKind, Subject.Id, bestand.FileName, content, MaxBytes, User.ToActor(), cancellationToken);
        return outcome switch
        {
            UploadOutcome.Saved => Redirect($"{Item.ItemUrl(Subject.Slug)}/bijlagen?geplaatst={saved!.Id:D}"),
            UploadOutcome.TooLarge => Invalid(text["Attachments_TooLarge", SizeText(MaxBytes)]),
            UploadOutcome.UnknownType => Invalid(text["Attachments_UnknownType"]),
            _ => Invalid(text["Attachments_NoFile"]),
        };
    }

    /// <summary>A size in the reader's words: "5 MB", "120 kB", "800 bytes".</summary>
    public static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(System.Globalization.CultureInfo.CurrentCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.CurrentCulture, $"{bytes / 1024d:0.#} kB"),
        _ => string.Create(System.Globalization.CultureInfo.CurrentCulture, $"{bytes} bytes"),
    };

    private async Task<bool> LoadAsync(string soort, string slug, CancellationToken cancellationToken)
    {
        if (HistoryItem.FromSegment(soort) is not { } item)
        {
            return false;
        }

        var reader = User.ToReader();
        var subject = await history.FindSubjectAsync(reader, item.SubjectKind, slug, cancellationToken);
        if (subject is null)
        {
            return false;
        }

        (Item, Subject) = (item, subject);
        Attachments = await attachments.ListAsync(reader, item.SubjectKind, subject.Id, cancellationToken);
        MayUpload = await attachments.MayEditAsync(reader, item.SubjectKind, subject.Id, cancellationToken);
        return true;
    }

    private PageResult Invalid(string message)
    {
        ErrorMessage = message;
        ModelState.AddModelError("bestand", message);
        var result = Page();
        result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }
}
