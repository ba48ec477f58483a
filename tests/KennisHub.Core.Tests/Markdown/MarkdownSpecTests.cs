using KennisHub.Core.Markdown;
using KennisHub.Core.Tests.Content;

namespace KennisHub.Core.Tests.Markdown;

/// <summary>
/// Golden spec files: Markdown/specs/NAME.md renders to exactly Markdown/specs/NAME.html. A bug fix starts with a
/// new pair. A missing .html is written from the current output and the test fails, so the new golden file is reviewed.
/// </summary>
public sealed class MarkdownSpecTests
{
    private static readonly string SpecFolder = Path.Combine(TestPaths.RepositoryRoot, "tests", "KennisHub.Core.Tests", "Markdown", "specs");

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SpecFolder, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_renders_to_its_golden_html(string name)
    {
        var markdown = File.ReadAllText(Path.Combine(SpecFolder, name + ".md"));
        var html = new MarkdownRenderer().Render(markdown).Html.ReplaceLineEndings("\n");

        var expectedPath = Path.Combine(SpecFolder, name + ".html");
        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(expectedPath, html);
            Assert.Fail($"{name}.html ontbrak en is nu geschreven uit de huidige uitvoer: controleer het bestand.");
        }

        html.ShouldBe(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void There_are_spec_files_to_check()
        => Specs().Count.ShouldBeGreaterThanOrEqualTo(5);

    [Fact]
    public void Plain_text_for_search_has_no_markup_and_keeps_the_words()
    {
        var rendered = new MarkdownRenderer().Render("# Kop\n\nEen **vette** [link](https://example.org) en `code`.\n\n- punt één\n");

        rendered.PlainText.ShouldNotContain("<");
        rendered.PlainText.ShouldContain("Kop");
        rendered.PlainText.ShouldContain("Een vette link en code.");
        rendered.PlainText.ShouldContain("punt één");
    }

    [Fact]
    public void External_links_get_rel_nofollow_noopener_and_internal_links_do_not()
    {
        var html = new MarkdownRenderer().Render("[a](https://example.org) [b](/kennis)").Html;

        html.ShouldContain("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">a</a>");
        html.ShouldContain("<a href=\"/kennis\">b</a>");
    }

    [Fact]
    public void A_heading_inhoud_does_not_take_the_id_of_the_pages_main_element()
    {
        var html = new MarkdownRenderer().Render("# Inhoud\n\nTekst.\n\n## Inhoud\n").Html;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        document.QuerySelectorAll("[id]").Select(element => element.Id).ShouldBe(["kop-inhoud", "kop-inhoud-1"]);
        document.GetElementById("inhoud").ShouldBeNull();
    }

    [Fact]
    public void Footnote_links_and_links_to_a_heading_lead_to_the_prefixed_ids()
    {
        var html = new MarkdownRenderer().Render("# Beheer\n\nZie [boven](#beheer) en [de pagina](#inhoud).[^1]\n\n[^1]: Noot.\n").Html;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var fragments = document.QuerySelectorAll("a[href^='#']").Select(link => link.GetAttribute("href")![1..]).ToList();
        fragments.ShouldBe(["kop-beheer", "inhoud", "noot-fn:1", "noot-fnref:1"]);
        foreach (var fragment in fragments.Where(f => f != "inhoud"))
        {
            document.GetElementById(fragment).ShouldNotBeNull(fragment);
        }

        document.QuerySelectorAll("[id]").ShouldAllBe(element => element.Id!.StartsWith("kop-") || element.Id!.StartsWith("noot-"));
    }
}
