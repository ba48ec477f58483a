using Bunit;
using KennisHub.Components.Editing;
using KennisHub.Core.Linking;
using KennisHub.Core.Markdown;
using KennisHub.Tests.Shared;

namespace KennisHub.Components.Tests.Editing;

/// <summary>The preview through the real publishing pipeline (MarkdownRenderer) and the real link resolution.</summary>
public sealed class MarkdownPreviewTests : ComponentTest
{
    private static readonly MarkdownRenderer Pipeline = new();

    private IRenderedComponent<MarkdownPreview> RenderPreview(string markdown, params LinkedItem[] visible) =>
        Render<MarkdownPreview>(p => p.Add(c => c.Content, new PreviewContent(Pipeline.Render(markdown).Html, visible)));

    [Fact]
    public void Markdown_is_shown_as_the_published_page_shows_it()
    {
        var preview = RenderPreview("## Aanpak\n\nWe beginnen **klein**.\n\n| Wijk | Bomen |\n|---|---|\n| Noord | 12 |");

        var body = preview.Find(".utrecht-html");
        body.QuerySelector("h2")!.TextContent.ShouldBe("Aanpak");
        body.QuerySelector("strong")!.TextContent.ShouldBe("klein");
        body.QuerySelector("table td")!.TextContent.ShouldBe("Noord");
    }

    [Fact]
    public void No_attack_in_the_corpus_gives_a_script_handler_or_dangerous_link()
    {
        foreach (var attack in AttackCorpus.All)
        {
            var preview = RenderPreview(attack);

            HtmlSafety.Problems(preview.Find("[data-kh-preview]"), new HashSet<string>()).ShouldBeEmpty(attack);
        }
    }

    [Fact]
    public void A_link_to_a_visible_item_gets_its_title_and_one_to_a_hidden_or_missing_item_is_marked_broken_without_a_title()
    {
        var visible = new LinkedItem { Section = "kennis", Slug = "bomen-in-de-wijk", Title = "Bomen in de wijk" };

        var preview = RenderPreview("Zie [[bomen-in-de-wijk]] en [[geheim-atelierstuk]].", visible);

        var link = preview.Find("a.kh-link-internal");
        link.GetAttribute("href").ShouldBe("/kennis/bomen-in-de-wijk");
        link.TextContent.ShouldBe("Bomen in de wijk");
        var broken = preview.Find(".kh-link-broken");
        AccessibleText(broken).ShouldBe("geheim-atelierstuk (link werkt niet)");
        broken.QuerySelector("a").ShouldBeNull();
    }

    [Fact]
    public void An_empty_text_says_there_is_nothing_to_show_in_the_readers_language()
    {
        RenderPreview("   ").Find(".kh-preview__empty").TextContent.ShouldBe("Er is nog geen tekst om te tonen.");
        InEnglish();
        RenderPreview("[[weg]]").Find(".kh-link-broken").TextContent.ShouldContain("(broken link)");
    }
}
