using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace KennisHub.Web.Infrastructure.Caching;

/// <summary>
/// Validators of a response (ETag and Last-Modified) and the 304 answer to a request that already holds them
/// (If-None-Match, else If-Modified-Since; RFC 9110 section 13). For anything whose version is known before it is
/// rendered: the public pages (from <see cref="KennisHub.Core.Caching.ContentStamp"/>) and the coming Atom feeds.
/// </summary>
public sealed record ConditionalGet(EntityTagHeaderValue ETag, DateTimeOffset LastModified)
{
    /// <summary>A weak ETag from the parts that decide the bytes (e.g. build, content version, language).</summary>
    public static ConditionalGet For(DateTimeOffset lastModified, params string[] parts) =>
        new(new EntityTagHeaderValue("\"" + string.Join('-', parts) + "\"", isWeak: true),
            // HTTP dates have whole seconds; round down so an If-Modified-Since copied back compares equal.
            new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));

    /// <summary>Writes ETag and Last-Modified on the response.</summary>
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETag.ToString();
        response.Headers.LastModified = LastModified.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the request's copy is current: If-None-Match (weak comparison) decides when present.</summary>
    public bool IsNotModified(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ETag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && LastModified <= since;
    }

    /// <summary>
    /// Answers 304 with the validators and <paramref name="cacheControl"/> when the request's copy is current;
    /// false when the caller must send the full response.
    /// </summary>
    public bool TrySendNotModified(HttpContext context, string cacheControl)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsNotModified(context.Request))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status304NotModified;
        context.Response.Headers.CacheControl = cacheControl;
        WriteTo(context.Response);
        return true;
    }
}
