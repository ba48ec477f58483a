using AngleSharp.Dom;

namespace KennisHub.Tests.Shared;

/// <summary>
/// What hostile text must never become once a browser parses the page: a script the site did not ship, an embedded
/// document, an event handler, an inline style, or a link or source with a scheme other than http, https or mailto.
/// </summary>
public static class HtmlSafety
{
    private static readonly string[] Embedding = ["iframe", "frame", "frameset", "object", "embed", "base"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster", "background"];

    /// <summary>Every problem under <paramref name="root"/>; scripts are allowed only with a src in <paramref name="siteScripts"/>.</summary>
    public static List<string> Problems(IElement root, IReadOnlySet<string> siteScripts)
    {
        var problems = new List<string>();
        foreach (var element in root.QuerySelectorAll("*").Prepend(root))
        {
            if (element.LocalName == "script" && (element.GetAttribute("src") is not { } src || !siteScripts.Contains(src) || element.TextContent.Trim().Length > 0))
            {
                problems.Add("script: " + element.OuterHtml);
            }

            if (Embedding.Contains(element.LocalName))
            {
                problems.Add(element.LocalName + ": " + element.OuterHtml);
            }

            if (element.LocalName == "meta" && element.HasAttribute("http-equiv"))
            {
                problems.Add("meta http-equiv: " + element.OuterHtml);
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{attribute.Name} op <{element.LocalName}>");
                }
                else if (attribute.Name == "style")
                {
                    problems.Add($"style op <{element.LocalName}>");
                }
                else if (UrlAttributes.Contains(attribute.Name) && !IsHarmlessUrl(attribute.Value))
                {
                    problems.Add($"{attribute.Name}=\"{attribute.Value}\" op <{element.LocalName}>");
                }
            }
        }

        return problems;
    }

    /// <summary>An independent check (not the site's link filter): scheme-less, or http, https, mailto.</summary>
    public static bool IsHarmlessUrl(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        return !hasScheme || compact.StartsWith("http:", StringComparison.Ordinal)
            || compact.StartsWith("https:", StringComparison.Ordinal) || compact.StartsWith("mailto:", StringComparison.Ordinal);
    }
}
