using AngleSharp.Dom;

namespace KennisHub.Core.Markdown;

/// <summary>
/// Ids inside rendered Markdown get a prefix so they can never clash with the page's own ids: a heading "Inhoud"
/// must not become a second <c>id="inhoud"</c> next to the layout's <c>&lt;main id="inhoud"&gt;</c>, the skip
/// link's target. Headings get <c>kop-</c>, footnotes and their back references <c>noot-</c>; every in-document
/// link (<c>#...</c>) to one of those ids follows it. Links to other fragments are left alone.
/// </summary>
internal static class AnchorPrefixes
{
    public const string Heading = "kop-";
    public const string Footnote = "noot-";

    public static void Apply(IDocument document)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            var id = element.Id!;
            var prefix = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? Heading : Footnote;
            var prefixed = prefix + id;
            element.Id = prefixed;
            renamed.TryAdd(id, prefixed);
        }

        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
        {
            var fragment = link.GetAttribute("href")![1..];
            if (renamed.TryGetValue(fragment, out var target) || renamed.TryGetValue(Unescape(fragment), out target))
            {
                link.SetAttribute("href", "#" + target);
            }
        }
    }

    private static string Unescape(string fragment)
    {
        try
        {
            return Uri.UnescapeDataString(fragment);
        }
        catch (UriFormatException)
        {
            return fragment;
        }
    }
}
