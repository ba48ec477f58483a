using System.Net.Mime;
using KennisHub.Core.Attachments;
using KennisHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace KennisHub.Web.Pages.Bijlagen;

/// <summary>
/// /bijlagen/{id}/{naam}: an attachment's bytes, for whoever may see its item (404 otherwise, as for an unknown id).
/// Images inline, files as a download (Content-Disposition), with the stored type only and nosniff; the site's CSP
/// (no inline script, object-src 'none') applies as to every response. The name in the address is for people and is ignored.
/// </summary>
public sealed class BestandModel(AttachmentStore attachments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string? naam, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var attachmentId))
        {
            return NotFound();
        }

        var attachment = await attachments.GetAsync(User.ToReader(), attachmentId, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue(attachment.IsImage ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(attachment.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-cache";
        return File(attachment.Content, attachment.ContentType);
    }
}
