using System.Text.RegularExpressions;
using KennisHub.Core.Content;
using KennisHub.Core.Markdown;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KennisHub.Core.Linking;

/// <summary>
/// A link from Markdown to another item, by slug. <see cref="Kind"/> is the kind the link names: an address
/// /kennis/x or /themas/x names one, a wiki link [[x]] does not (<see cref="AnyKind"/>: an article x if there is one
/// the reader may see, else a theme x).
/// </summary>
public sealed record LinkTarget(string Kind, string Slug)
{
    public const string AnyKind = "Any";
}

/// <summary>
/// Internal links in Markdown: [[slug]], [[slug|tekst]] and ordinary relative links to /kennis/{slug} and
/// /themas/{slug}. The stored HTML is the same for every reader, so the pipeline only marks them
/// (data-kh-link="kennis/slug", "themas/slug" or "*/slug"; data-kh-auto when the link has no text of its own) and
/// each page resolves them for its reader (<see cref="LinkResolver"/>). The marks come from the pipeline only: raw
/// HTML is disabled, so nobody can write one by hand.
/// </summary>
public static partial class InternalLinks
{
    public const string LinkAttribute = "data-kh-link";

    public const string AutoTextAttribute = "data-kh-auto";

    /// <summary>Marks the internal links of a parsed document (after <see cref="LinkFilter"/>, before rendering).</summary>
    public static void Mark(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage || TargetOf(link) is not { } target)
            {
                continue;
            }

            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist(LinkAttribute, Mark(target));
            if (link is WikiLinkInline { HasOwnText: false })
            {
                attributes.AddPropertyIfNotExist(AutoTextAttribute, "1");
            }
        }
    }

    /// <summary>Every internal link in a Markdown text, each target once, in order of appearance.</summary>
    public static IReadOnlyList<LinkTarget> Targets(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, MarkdownRenderer.MarkdownPipeline);
        return document.Descendants<LinkInline>()
            .Where(link => !link.IsImage)
            .Select(TargetOf)
            .OfType<LinkTarget>()
            .Distinct()
            .ToList();
    }

    /// <summary>The value of the data-kh-link mark for a target.</summary>
    public static string Mark(LinkTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            Revisions.SubjectKinds.Article => "kennis/" + target.Slug,
            Revisions.SubjectKinds.Theme => "themas/" + target.Slug,
            _ => "*/" + target.Slug,
        };
    }

    /// <summary>The target a data-kh-link mark names, or null for anything the pipeline would not have written.</summary>
    public static LinkTarget? FromMark(string mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var slash = mark.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !Slugs.IsValid(mark[(slash + 1)..]))
        {
            return null;
        }

        var slug = mark[(slash + 1)..];
        return mark[..slash] switch
        {
            "kennis" => new LinkTarget(Revisions.SubjectKinds.Article, slug),
            "themas" => new LinkTarget(Revisions.SubjectKinds.Theme, slug),
            "*" => new LinkTarget(LinkTarget.AnyKind, slug),
            _ => null,
        };
    }

    private static LinkTarget? TargetOf(LinkInline link)
    {
        if (link is WikiLinkInline wiki)
        {
            return new LinkTarget(LinkTarget.AnyKind, wiki.Slug);
        }

        var match = RelativeItemUrl().Match(link.Url ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["section"].Value == "kennis" ? Revisions.SubjectKinds.Article : Revisions.SubjectKinds.Theme;
        return new LinkTarget(kind, match.Groups["slug"].Value);
    }

    // An item's own address, optionally with a trailing slash, a query or a fragment; not /kennis/x/geschiedenis.
    [GeneratedRegex("^/(?<section>kennis|themas)/(?<slug>[a-z0-9]+(-[a-z0-9]+)*)/?([?#].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeItemUrl();
}

/// <summary>A [[slug]] or [[slug|tekst]] link: a LinkInline to /kennis/{slug} until the page resolves it.</summary>
public sealed class WikiLinkInline : LinkInline
{
    public WikiLinkInline(string slug, bool hasOwnText)
        : base("/kennis/" + slug, string.Empty)
    {
        Slug = slug;
        HasOwnText = hasOwnText;
    }

    public string Slug { get; }

    public bool HasOwnText { get; }
}

/// <summary>
/// Parses [[slug]] and [[slug|tekst]] (slug in the site's form: lower-case letters, digits and hyphens). Anything
/// else between double brackets stays text ("[[Hoofd Letters]]", "[[a|]]", brackets or line breaks inside).
/// </summary>
public sealed class WikiLinkParser : InlineParser
{
    private const int MaxLength = 400;

    public WikiLinkParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ArgumentNullException.ThrowIfNull(processor);
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var text = slice.Text;
        var start = slice.Start + 2;
        var searchLength = Math.Min(slice.End - start + 1, MaxLength);
        if (searchLength <= 2)
        {
            return false;
        }

        var close = text.IndexOf("]]", start, searchLength, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var inner = text[start..close];
        if (inner.Contains('\n', StringComparison.Ordinal) || inner.Contains('[', StringComparison.Ordinal))
        {
            return false;
        }

        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var slug = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = bar < 0 ? slug : inner[(bar + 1)..].Trim();
        if (!Slugs.IsValid(slug) || label.Length == 0)
        {
            return false;
        }

        var link = new WikiLinkInline(slug, hasOwnText: bar >= 0)
        {
            IsClosed = true,
            Span = new SourceSpan(processor.GetSourcePosition(slice.Start, out var line, out var column), close + 1),
            Line = line,
            Column = column,
        };
        link.AppendChild(new LiteralInline(label));
        processor.Inline = link;
        slice.Start = close + 2;
        return true;
    }
}
