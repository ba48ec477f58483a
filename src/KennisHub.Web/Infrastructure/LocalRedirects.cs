using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// Where a page may send someone back to (returnUrl): only a local address, and written so it fits in a Location
/// header. Kestrel refuses a header with non-ASCII text ("/kennis?trefwoord=café" answered 500 and left the person
/// signed out), so everything outside printable ASCII is percent-encoded as UTF-8, which the browser reads back as
/// the same address. What is already percent-encoded stays as it is.
/// </summary>
public static class LocalRedirects
{
    /// <summary><paramref name="returnUrl"/> when it is local, header-safe; otherwise the home page.</summary>
    public static string SafeLocalTarget(this IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(returnUrl) || !url.IsLocalUrl(returnUrl))
        {
            return "/";
        }

        var encoded = EncodeForHeader(returnUrl);
        return url.IsLocalUrl(encoded) ? encoded : "/";
    }

    /// <summary>Percent-encodes (UTF-8) every character outside printable ASCII, and spaces.</summary>
    public static string EncodeForHeader(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(c => c is > ' ' and < '\u007f'))
        {
            return value;
        }

        var result = new StringBuilder(value.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                result.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
