using System.Net;
using System.Text.RegularExpressions;

namespace KennisHub.Core.Linking;

/// <summary>An item a link may point to, as this reader may see it: its section ("kennis", "themas"), slug and title.</summary>
public sealed record LinkedItem
{
    public required string Section { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public string Url => $"/{Section}/{Slug}";
}

/// <summary>
/// Turns the marked internal links of stored HTML into what one reader may see: a link to a visible target (with
/// its title as text when the link had none of its own), and a broken-link mark for anything gone or hidden. The
/// mark keeps only the text the author wrote (the slug for [[slug]]), never a title, so nothing about a hidden item
/// leaks. Pure: the targets come from one query per page (<see cref="LinkQueries"/>).
/// </summary>
public static partial class LinkResolver
{
    /// <summary>The targets the marked links in <paramref name="html"/> name, each once.</summary>
    public static IReadOnlyList<LinkTarget> Targets(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains(InternalLinks.LinkAttribute, StringComparison.Ordinal))
        {
            return [];
        }

        return MarkedLink().Matches(html)
            .Select(m => InternalLinks.FromMark(WebUtility.HtmlDecode(m.Groups["mark"].Value)))
            .OfType<LinkTarget>()
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// The HTML with every marked link resolved against <paramref name="visible"/> (what this reader may see).
    /// <paramref name="brokenLabel"/> is the visually hidden words after a broken link, e.g. "(link werkt niet)".
    /// </summary>
    public static string Resolve(string html, IReadOnlyCollection<LinkedItem> visible, string brokenLabel)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(visible);
        if (!html.Contains(InternalLinks.LinkAttribute, StringComparison.Ordinal))
        {
            return html;
        }

        var articles = visible.Where(v => v.Section == "kennis").ToDictionary(v => v.Slug, StringComparer.Ordinal);
        var themes = visible.Where(v => v.Section == "themas").ToDictionary(v => v.Slug, StringComparer.Ordinal);
        return MarkedLink().Replace(html, match =>
        {
            var target = InternalLinks.FromMark(WebUtility.HtmlDecode(match.Groups["mark"].Value));
            var text = match.Groups["text"].Value;
            var auto = match.Groups["open"].Value.Contains(InternalLinks.AutoTextAttribute, StringComparison.Ordinal);
            LinkedItem? item = target?.Kind switch
            {
                Revisions.SubjectKinds.Article => articles.GetValueOrDefault(target.Slug),
                Revisions.SubjectKinds.Theme => themes.GetValueOrDefault(target.Slug),
                LinkTarget.AnyKind => articles.GetValueOrDefault(target.Slug) ?? themes.GetValueOrDefault(target.Slug),
                _ => null,
            };
            if (item is null)
            {
                return $"<span class=\"kh-link-broken\">{text}<span class=\"kh-visually-hidden\"> {WebUtility.HtmlEncode(brokenLabel)}</span></span>";
            }

            // The address keeps a fragment or query the author wrote (/kennis/x#aanpak), but always names the target's section.
            var href = WebUtility.HtmlDecode(match.Groups["href"].Value);
            var rest = href.IndexOfAny(['#', '?']) is var at and >= 0 && target!.Kind != LinkTarget.AnyKind ? href[at..] : string.Empty;
            var shown = auto ? WebUtility.HtmlEncode(item.Title) : text;
            return $"<a href=\"{WebUtility.HtmlEncode(item.Url + rest)}\" class=\"kh-link-internal\">{shown}</a>";
        });
    }

    // Links as the pipeline and the sanitizer write them: <a href="..." ... data-kh-link="..." ...>text</a>. Link text
    // never holds another <a>, so the first </a> closes it.
    [GeneratedRegex("<a (?<open>[^>]*?\\bhref=\"(?<href>[^\"]*)\"[^>]*?\\bdata-kh-link=\"(?<mark>[^\"]*)\"[^>]*)>(?<text>.*?)</a>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MarkedLink();
}
