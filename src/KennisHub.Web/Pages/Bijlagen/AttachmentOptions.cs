using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace KennisHub.Web.Pages.Bijlagen;

/// <summary>Configuration section "Attachments": the largest upload accepted.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>The largest attachment, in bytes. Default 5 MB.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The request body an upload of at most <paramref name="maxBytes"/> may take: the file and the form around it.</summary>
    public static long RequestLimit(long maxBytes) => maxBytes + (256 * 1024);

    /// <summary>The upload page's address, /kennis/{slug}/bijlagen or /themas/{slug}/bijlagen (RequestGuard runs before routing).</summary>
    public static bool IsUploadPath(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Trim('/').Split('/');
        return segments.Length == 3 && segments[0] is ("kennis" or "themas") && segments[2] == "bijlagen";
    }

    /// <summary>
    /// Raises the site-wide request body limit (SecuritySetup, 1 MB) for the upload page only, to the attachment
    /// limit plus room for the form around the file: a file a little too large reaches the page and gets the Dutch
    /// message, a far larger body is refused with 413 before it is read.
    /// </summary>
    public static void ApplyTo(PageConventionCollection conventions, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        var limit = RequestLimit(maxBytes);
        conventions.AddPageApplicationModelConvention("/Bijlagen/Index", model =>
        {
            // As endpoint metadata for the server, and as filters, which run before the antiforgery check reads the form.
            var size = new RequestSizeLimitAttribute(limit);
            var form = new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit, BufferBodyLengthLimit = limit };
            model.EndpointMetadata.Add(size);
            model.EndpointMetadata.Add(form);
            model.Filters.Add(size);
            model.Filters.Add(form);
        });
    }
}
