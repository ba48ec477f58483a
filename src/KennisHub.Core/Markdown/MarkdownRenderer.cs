using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using KennisHub.Core.Linking;
using Markdig.Extensions.Yaml;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;

namespace KennisHub.Core.Markdown;

/// <summary>Markdown rendered once, on save or import: safe HTML for the page and plain text for search.</summary>
public sealed record RenderedMarkdown(string Html, string PlainText);

/// <summary>
/// The one Markdown pipeline of KennisHub. Markdig turns Markdown into HTML but does not make it safe, so every
/// render goes through three steps: parse with raw HTML disabled, drop links whose URL is not http, https, mailto
/// or relative (the link text stays), and sanitize the HTML on a strict allowlist. Table alignment becomes a class
/// (<see cref="TableAlignment"/>), ids get a prefix (<see cref="AnchorPrefixes"/>) and each table scrolls in its own
/// focusable, labelled region (<see cref="TableRegions"/>). Thread-safe; register once.
/// </summary>
public sealed class MarkdownRenderer
{
    // Built once: a Markdig pipeline is immutable and safe to share. No generic attributes ({.class onclick=...}).
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseTaskLists()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UseFootnotes()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseYamlFrontMatter()
            .DisableHtml();

        // [[slug]] and [[slug|tekst]], before the ordinary link parser would read "[slug]" as a reference.
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        return builder.Build();
    }

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The shared pipeline, for callers that need Markdig's syntax tree (the content import's front matter).</summary>
    public static MarkdownPipeline MarkdownPipeline => Pipeline;

    public RenderedMarkdown Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        LinkFilter.RemoveUnsafeLinks(document);
        InternalLinks.Mark(document);
        TableAlignment.UseClasses(document);

        var html = Sanitizer.Sanitize(RenderHtml(document));
        return new RenderedMarkdown(html, RenderPlainText(document));
    }

    private static string RenderHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string RenderPlainText(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer)
        {
            EnableHtmlForBlock = false,
            EnableHtmlForInline = false,
            EnableHtmlEscape = false,
        };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return CollapseBlankLines(writer.ToString());
    }

    private static string CollapseBlankLines(string text)
    {
        var lines = text.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                "em", "strong", "del", "ins", "mark", "sub", "sup", "a", "img", "ul", "ol", "li",
                "table", "thead", "tbody", "tr", "th", "td", "div", "section", "input",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "id", "class", "start", "align", "type", "disabled", "checked",
                InternalLinks.LinkAttribute, InternalLinks.AutoTextAttribute,
            },
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal)
            {
                "contains-task-list", "task-list-item", "task-list-item-checkbox",
                "footnotes", "footnote-ref", "footnote-back-ref",
                "kh-align-left", "kh-align-center", "kh-align-right",
            },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        });
        sanitizer.PostProcessNode += (_, e) => RestrictAttributes(e.Node);
        sanitizer.PostProcessDom += (_, e) =>
        {
            AnchorPrefixes.Apply(e.Document);
            TableRegions.Wrap(e.Document);
        };
        return sanitizer;
    }

    /// <summary>Attributes the allowlist accepts globally but that only belong on a few elements.</summary>
    private static void RestrictAttributes(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        var tag = element.LocalName;
        if (tag == "input")
        {
            // Only the task-list checkbox, and only as a disabled one.
            if (!string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)
                || !element.HasAttribute("disabled"))
            {
                element.Remove();
            }

            return;
        }

        string[] elementOnly = ["type", "disabled", "checked"];
        foreach (var name in elementOnly)
        {
            element.RemoveAttribute(name);
        }

        // Heading anchors (auto identifiers) and footnote targets need id; nothing else does.
        var mayHaveId = tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "a";
        if (!mayHaveId)
        {
            element.RemoveAttribute("id");
        }

        if (tag is not ("th" or "td"))
        {
            element.RemoveAttribute("align");
        }

        RestrictAlignmentClasses(element, tag is "th" or "td");

        if (tag != "ol")
        {
            element.RemoveAttribute("start");
        }

        // The internal-link marks belong on links only (the pipeline writes them nowhere else).
        if (tag != "a")
        {
            element.RemoveAttribute(InternalLinks.LinkAttribute);
            element.RemoveAttribute(InternalLinks.AutoTextAttribute);
        }

        if (tag == "a" && element.GetAttribute("href") is { } href && LinkFilter.IsExternal(href))
        {
            element.SetAttribute("rel", "nofollow noopener noreferrer");
        }
    }

    /// <summary>The alignment classes belong on table cells only, and a table cell carries no other class.</summary>
    private static void RestrictAlignmentClasses(IElement element, bool isCell)
    {
        foreach (var name in element.ClassList.ToList())
        {
            if (TableAlignment.Classes.Contains(name) != isCell)
            {
                element.ClassList.Remove(name);
            }
        }

        if (element.ClassList.Length == 0)
        {
            element.RemoveAttribute("class");
        }
    }

    /// <summary>The YAML front matter block of a parsed document, or null when there is none.</summary>
    public static YamlFrontMatterBlock? FindFrontMatter(MarkdownDocument document)
        => document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
}
