using System.Globalization;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>/.well-known/security.txt (RFC 9116): where to report a vulnerability, valid for a year from now.</summary>
public static class SecurityTxt
{
    public const string Path = "/.well-known/security.txt";

    public static string Build(SecurityOptions options, PublicAddressOptions address, HttpRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        var baseUrl = address.BaseUrlFor(request);
        var expires = now.ToUniversalTime().AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return string.Join('\n',
            $"Contact: {options.Contact}",
            $"Expires: {expires}",
            "Preferred-Languages: nl, en",
            $"Canonical: {baseUrl}{Path}",
            "") ;
    }

    public static async Task WriteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var address = context.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value;
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Build(options, address, context.Request, time.GetUtcNow()), context.RequestAborted);
    }
}
