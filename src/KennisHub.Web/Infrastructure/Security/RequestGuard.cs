using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>
/// Turns oversized and wrongly typed request bodies into 413 and 415 before any page reads them, so that they reach
/// the Dutch status-code page instead of surfacing as exceptions (500). Pages only accept HTML form posts.
/// </summary>
public sealed class RequestGuard(RequestDelegate next, IOptions<SecurityOptions> options, IOptions<Pages.Bijlagen.AttachmentOptions> attachments)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The status-code page re-executes the refused request: let it through to render the message.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        // The upload page takes attachments up to Attachments:MaxBytes; every other page the site-wide limit.
        var limit = Pages.Bijlagen.AttachmentOptions.IsUploadPath(request.Path)
            ? Pages.Bijlagen.AttachmentOptions.RequestLimit(attachments.Value.MaxBytes)
            : options.Value.MaxRequestBodyBytes;

        // Kestrel enforces this while the body streams (also without Content-Length); TestServer has no such feature.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (HasBody(request) && !request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel's own limits (body too large while streaming, malformed request): the status it chose.
            context.Response.Clear();
            context.Response.StatusCode = exception.StatusCode;
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // The form reader's limits (too many fields, a value too long).
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static bool HasBody(HttpRequest request)
        => !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null);
}
