using System.Net;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KennisHub.Core.Markdown;

/// <summary>
/// Walks a parsed Markdown document and removes every link, image and autolink whose URL is not http, https,
/// mailto or relative. A removed link keeps its text; a removed image keeps its alt text. Runs before the
/// sanitizer as a second, independent fence (the sanitizer checks schemes again).
/// </summary>
public static class LinkFilter
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static void RemoveUnsafeLinks(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        // Link reference definitions: [x]: javascript:... Clear the URL so nothing can pick it up later.
        foreach (var definition in document.Descendants<LinkReferenceDefinition>().ToList())
        {
            if (!IsSafe(definition.Url))
            {
                definition.Url = string.Empty;
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url ?? string.Empty));
            }
        }
    }

    /// <summary>True for http(s), mailto and relative URLs; false for any other scheme, however it is disguised.</summary>
    public static bool IsSafe(string? url)
    {
        if (url is null)
        {
            return true;
        }

        var normalized = Normalize(url);
        var scheme = SchemeOf(normalized);
        return scheme is null || AllowedSchemes.Contains(scheme, StringComparer.Ordinal);
    }

    /// <summary>An absolute http(s) URL: opened without handing over the referrer or the window.</summary>
    public static bool IsExternal(string url)
    {
        var scheme = SchemeOf(Normalize(url));
        return scheme is "http" or "https" || url.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>
    /// Decodes HTML entities (repeatedly, for double encoding) and drops whitespace and control characters,
    /// which browsers ignore inside a scheme ("java&#x09;script:"), then lower-cases.
    /// </summary>
    private static string Normalize(string url)
    {
        var decoded = url;
        for (var i = 0; i < 3; i++)
        {
            var next = WebUtility.HtmlDecode(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        var kept = decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)
            && c != '\u200B' && c != '\u200C' && c != '\u200D' && c != '\uFEFF');
        return new string(kept.ToArray()).ToLowerInvariant();
    }

    /// <summary>The scheme before the first ':' when that colon comes before any '/', '?' or '#'.</summary>
    private static string? SchemeOf(string normalized)
    {
        var end = normalized.IndexOfAny([':', '/', '?', '#', '\\']);
        return end > 0 && normalized[end] == ':' ? normalized[..end] : null;
    }

    private static string TextOf(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in container)
        {
            _ = inline switch
            {
                LiteralInline literal => text.Append(literal.Content.ToString()),
                CodeInline code => text.Append(code.Content),
                ContainerInline nested => text.Append(TextOf(nested)),
                _ => text,
            };
        }

        return text.ToString();
    }

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(TextOf(link)), copyChildren: false);
            return;
        }

        var parent = link.Parent;
        if (parent is null)
        {
            return;
        }

        // Move the link's children (its text, emphasis...) to where the link was, then drop the link.
        Inline? anchor = link;
        foreach (var child in link.ToList())
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }
}
