using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KennisHub.Core.Markdown;
using KennisHub.Tests.Shared;

namespace KennisHub.Core.Tests.Markdown;

/// <summary>
/// Hostile Markdown and HTML: whatever goes in, the rendered HTML (parsed the way a browser would) holds no script,
/// no event handler, no style, no embedded document, and no link or image to anything but http, https, mailto or
/// a relative URL.
/// </summary>
public sealed class MarkdownAttackTests
{
    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "frameset", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "button", "textarea", "select", "video", "audio", "template"];

    public static TheoryData<string> Attacks() => new(AttackCorpus.Markdown);

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Hostile_input_renders_to_harmless_html(string markdown)
    {
        var (html, document) = RenderAndParse(markdown);

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            ForbiddenElements.ShouldNotContain(element.LocalName, $"in: {html}");
            if (element.LocalName == "input")
            {
                element.GetAttribute("type").ShouldBe("checkbox");
                element.HasAttribute("disabled").ShouldBeTrue();
            }

            foreach (var attribute in element.Attributes)
            {
                attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{attribute.Name} in: {html}");
                attribute.Name.ShouldNotBe("style", $"in: {html}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "srcset")
                {
                    HtmlSafety.IsHarmlessUrl(attribute.Value).ShouldBeTrue($"{attribute.Name}=\"{attribute.Value}\" in: {html}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Hostile_input_gets_no_class_but_the_pipelines_own_and_alignment_only_on_table_cells(string markdown)
    {
        var (html, document) = RenderAndParse(markdown);

        foreach (var element in document.Body!.QuerySelectorAll("[class]"))
        {
            foreach (var name in element.ClassList)
            {
                PipelineClasses.ShouldContain(name, $"in: {html}");
                if (name.StartsWith("kh-align-", StringComparison.Ordinal))
                {
                    element.LocalName.ShouldBeOneOf(["th", "td"], $"in: {html}");
                }
            }
        }
    }

    [Fact]
    public void Table_alignment_becomes_a_class_on_its_cells_and_never_a_style()
    {
        var html = new MarkdownRenderer().Render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n").Html;
        var cells = new HtmlParser().ParseDocument(html).QuerySelectorAll("th, td");

        cells.Select(cell => cell.GetAttribute("class")).ShouldBe(
            ["kh-align-left", "kh-align-center", "kh-align-right", null, "kh-align-left", "kh-align-center", "kh-align-right", null]);
        html.ShouldNotContain("style");
    }

    /// <summary>The rendered HTML, and that HTML parsed the way a browser would.</summary>
    private static (string Html, IDocument Document) RenderAndParse(string markdown)
    {
        var html = new MarkdownRenderer().Render(markdown).Html;
        return (html, new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>"));
    }

    private static readonly string[] PipelineClasses =
    [
        "contains-task-list", "task-list-item", "task-list-item-checkbox", "footnotes", "footnote-ref", "footnote-back-ref",
        "kh-align-left", "kh-align-center", "kh-align-right", "kh-table-scroll",
    ];

    [Fact]
    public void Every_table_scrolls_in_its_own_focusable_region_named_after_its_columns()
    {
        var html = new MarkdownRenderer().Render("| Onderdeel | Niveau |\n|---|---|\n| Gras | B |\n\ntekst\n\n| x |\n|---|\n| 1 |\n").Html;
        var regions = new HtmlParser().ParseDocument(html).QuerySelectorAll("div.kh-table-scroll");

        regions.Length.ShouldBe(2);
        regions.ShouldAllBe(region => region.GetAttribute("role") == "region" && region.GetAttribute("tabindex") == "0"
            && region.Children.Length == 1 && region.Children[0].LocalName == "table");
        regions.Select(region => region.GetAttribute("aria-label")).ShouldBe(["Tabel: Onderdeel, Niveau", "Tabel: x"]);
    }

    [Fact]
    public void A_table_header_that_tries_to_break_out_of_the_label_stays_text()
    {
        var html = new MarkdownRenderer().Render("| \" onfocus=alert(1) x=\" |\n|---|\n| 1 |\n").Html;
        var region = new HtmlParser().ParseDocument(html).QuerySelector("div.kh-table-scroll")!;

        region.HasAttribute("onfocus").ShouldBeFalse();
        region.GetAttribute("aria-label")!.ShouldContain("onfocus=alert(1)");
    }

    [Fact]
    public void The_attack_corpus_has_at_least_forty_cases() => Attacks().Count.ShouldBeGreaterThanOrEqualTo(40);

    [Fact]
    public void A_refused_link_keeps_its_text()
    {
        var html = new MarkdownRenderer().Render("Lees [de handreiking](javascript:alert(1)) nu.").Html;
        html.ShouldBe("<p>Lees de handreiking nu.</p>\n");
    }

    [Fact]
    public void A_refused_image_keeps_its_alt_text()
    {
        var html = new MarkdownRenderer().Render("![kaart van de wijk](data:image/png;base64,AAAA)").Html;
        html.ShouldBe("<p>kaart van de wijk</p>\n");
    }

    [Theory]
    [InlineData("https://www.crow.nl", true)]
    [InlineData("HTTP://example.org", true)]
    [InlineData("mailto:info@example.org", true)]
    [InlineData("/kennis/beeldkwaliteit", true)]
    [InlineData("#zorgplicht", true)]
    [InlineData("../themas?x=a:b", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JaVaScRiPt:alert(1)", false)]
    [InlineData("jav&#x61;script:alert(1)", false)]
    [InlineData("jav&amp;#x61;script:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("java\u0000script:alert(1)", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("ftp://example.org", false)]
    public void The_link_filter_allows_only_http_https_mailto_and_relative_urls(string url, bool safe)
        => LinkFilter.IsSafe(url).ShouldBe(safe);
}
