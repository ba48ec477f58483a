using AngleSharp.Html.Parser;
using KennisHub.Core.Linking;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Tests.Shared;

namespace KennisHub.Core.Tests.Linking;

public sealed class InternalLinksTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly LinkedItem Visible = new() { Section = "kennis", Slug = "bermbeheer", Title = "Ecologisch bermbeheer" };

    private static readonly LinkedItem VisibleTheme = new() { Section = "themas", Slug = "groen", Title = "Groen in de wijk" };

    [Fact]
    public void The_targets_of_a_text_are_its_wiki_links_and_item_addresses_each_once()
    {
        var targets = InternalLinks.Targets("[[bermbeheer]], [[bermbeheer|nog eens]], [x](/kennis/bermbeheer), [y](/themas/groen#doel), [z](/kennis/bermbeheer/geschiedenis), [e](https://example.org/kennis/x), ![b](/kennis/beeld)");

        targets.ShouldBe([
            new LinkTarget(LinkTarget.AnyKind, "bermbeheer"),
            new LinkTarget(SubjectKinds.Article, "bermbeheer"),
            new LinkTarget(SubjectKinds.Theme, "groen"),
        ]);
    }

    [Fact]
    public void A_visible_target_becomes_a_link_with_its_title_when_the_link_had_no_text_of_its_own()
    {
        var html = Renderer.Render("Zie [[bermbeheer]], [[bermbeheer|dit stuk]] en [het thema](/themas/groen#doel).").Html;

        var resolved = LinkResolver.Resolve(html, [Visible, VisibleTheme], "(link werkt niet)");

        var links = new HtmlParser().ParseDocument("<body>" + resolved + "</body>").QuerySelectorAll("a").ToList();
        links.Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([
            ("/kennis/bermbeheer", "Ecologisch bermbeheer"),
            ("/kennis/bermbeheer", "dit stuk"),
            ("/themas/groen#doel", "het thema"),
        ]);
        resolved.ShouldNotContain("data-kh-");
    }

    [Fact]
    public void A_wiki_link_falls_back_to_a_theme_of_that_slug()
    {
        var html = Renderer.Render("[[groen]]").Html;

        LinkResolver.Resolve(html, [VisibleTheme], "(link werkt niet)").ShouldContain("<a href=\"/themas/groen\" class=\"kh-link-internal\">Groen in de wijk</a>");
    }

    [Theory]
    [InlineData("[[verborgen]]", "verborgen")]
    [InlineData("[[verborgen|lees dit]]", "lees dit")]
    [InlineData("[lees dit](/kennis/verborgen)", "lees dit")]
    [InlineData("[het thema](/themas/bermbeheer)", "het thema")]
    public void A_gone_or_hidden_target_is_a_broken_mark_with_only_the_authors_text(string markdown, string text)
    {
        var html = Renderer.Render(markdown).Html;

        // The visible article "bermbeheer" must not answer a theme link of the same slug.
        var resolved = LinkResolver.Resolve(html, [Visible], "(link werkt niet)");

        resolved.ShouldBe($"<p><span class=\"kh-link-broken\">{text}<span class=\"kh-visually-hidden\"> (link werkt niet)</span></span></p>\n");
    }

    [Fact]
    public void Titles_and_link_texts_full_of_attacks_stay_text()
    {
        var failures = new List<string>();
        foreach (var attack in AttackCorpus.All)
        {
            var title = new LinkedItem { Section = "kennis", Slug = "doel", Title = attack };
            foreach (var markdown in new[] { "[[doel]]", $"[[doel|{attack.Replace("]", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}]]", $"[{attack.Replace("]", "", StringComparison.Ordinal)}](/kennis/doel)", $"[[weg|{attack.Replace("]", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}]]" })
            {
                var resolved = LinkResolver.Resolve(Renderer.Render(markdown).Html, [title], "(link werkt niet)");
                var fragment = new HtmlParser().ParseDocument("<body>" + resolved + "</body>");
                failures.AddRange(HtmlSafety.Problems(fragment.DocumentElement, new HashSet<string>()).Select(p => $"{markdown}: {p}"));
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("kennis/x", SubjectKinds.Article)]
    [InlineData("themas/x", SubjectKinds.Theme)]
    [InlineData("*/x", LinkTarget.AnyKind)]
    public void A_mark_reads_back_as_its_target(string mark, string kind)
        => InternalLinks.FromMark(mark).ShouldBe(new LinkTarget(kind, "x"));

    [Theory]
    [InlineData("organisaties/x")]
    [InlineData("kennis/X")]
    [InlineData("kennis/")]
    [InlineData("kennis")]
    [InlineData("kennis/../beheer")]
    public void A_mark_the_pipeline_would_not_write_names_nothing(string mark)
        => InternalLinks.FromMark(mark).ShouldBeNull();

    [Fact]
    public void Html_without_marks_is_returned_as_it_is_without_work()
    {
        const string Html = "<p><a href=\"/kennis/x\">x</a></p>";
        LinkResolver.Targets(Html).ShouldBeEmpty();
        LinkResolver.Resolve(Html, [], "(link werkt niet)").ShouldBeSameAs(Html);
    }
}
