using System.Text.RegularExpressions;
using KennisHub.Core.Bulk;
using KennisHub.Core.Markdown;

namespace KennisHub.Core.Tests.Bulk;

public sealed partial class DutchTextGeneratorTests
{
    private static readonly DutchTextGenerator Generator = new(seed: 7);

    [Fact]
    public void The_corpus_is_made_of_the_real_texts_in_content()
    {
        var corpus = DutchCorpus.Instance;

        corpus.Sentences.Count.ShouldBeGreaterThan(400);
        corpus.Headings.Count.ShouldBeGreaterThan(50);
        corpus.ListItems.Count.ShouldBeGreaterThan(100);
        corpus.Tables.ShouldNotBeEmpty();
        corpus.Municipalities.Count.ShouldBeGreaterThan(300);
        corpus.Municipalities.ShouldContain("Kampen");
        corpus.Keywords.ShouldContain("beeldkwaliteit");
        corpus.Keywords.ShouldContain("IBOR");
        corpus.Sentences.ShouldContain(s => s.Contains("zorgplicht", StringComparison.Ordinal));
    }

    [Fact]
    public void One_seed_makes_the_same_text_whatever_the_order_another_seed_another_text()
    {
        var later = Generator.Article(41, 600, 2_000);
        var first = Generator.Article(3, 600, 2_000);

        new DutchTextGenerator(7).Article(3, 600, 2_000).Markdown.ShouldBe(first.Markdown);
        new DutchTextGenerator(7).Article(41, 600, 2_000).Title.ShouldBe(later.Title);
        new DutchTextGenerator(8).Article(3, 600, 2_000).Markdown.ShouldNotBe(first.Markdown);
        Generator.KeywordsFor(2, 3).ShouldBe(new DutchTextGenerator(7).KeywordsFor(2, 3));
    }

    [Fact]
    public void One_seed_makes_the_same_text_in_every_process()
    {
        // A title depends on the item's random numbers only (not on the content/ texts), so it pins them down:
        // a per-process hash seed (HashCode) would change it on every run.
        Generator.Article(0, 600, 2_000).Title.ShouldBe("Wijkgericht werken: kosten en baten");
    }

    [Theory]
    [InlineData(600, 2_000)]
    [InlineData(2_000, 2_000)]
    [InlineData(100, 150)]
    public void Articles_have_the_length_asked_for_give_or_take_one_section(int minWords, int maxWords)
    {
        for (var i = 0; i < 30; i++)
        {
            var text = Generator.Article(i, minWords, maxWords);

            text.Words.ShouldBeGreaterThanOrEqualTo(minWords);
            text.Words.ShouldBeLessThan(maxWords + 400);
            WordCount().Count(text.Markdown).ShouldBeInRange(text.Words * 4 / 5, text.Words * 6 / 5);
        }
    }

    [Fact]
    public void Bodies_have_headed_sections_lists_and_tables_and_render_through_the_pipeline()
    {
        var texts = Enumerable.Range(0, 40).Select(i => Generator.Article(i, 600, 2_000)).ToList();
        var renderer = new MarkdownRenderer();

        texts.ShouldAllBe(t => t.Sections.Count > 1 && t.Sections.Skip(1).All(s => s.StartsWith("## ", StringComparison.Ordinal)));
        texts.ShouldContain(t => t.Markdown.Contains("\n- ", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Markdown.Contains("\n|", StringComparison.Ordinal));
        var html = renderer.Render(texts.First(t => t.Markdown.Contains("\n|", StringComparison.Ordinal)).Markdown).Html;
        html.ShouldContain("<table>");
        html.ShouldContain("<h2 id=\"kop-");
    }

    [Fact]
    public void Word_frequencies_spread_like_real_Dutch_with_the_sector_terms_in_it()
    {
        var texts = Enumerable.Range(0, 200).Select(i => Generator.Article(i, 600, 2_000).Markdown.ToLowerInvariant()).ToList();
        double Share(string word) => texts.Count(t => Regex.IsMatch(t, $@"\b{Regex.Escape(word)}\b", RegexOptions.None, TimeSpan.FromSeconds(1))) / (double)texts.Count;

        Share("de").ShouldBe(1.0);
        Share("gemeente").ShouldBeGreaterThan(0.8);
        Share("beeldkwaliteit").ShouldBeInRange(0.2, 0.99);
        Share("wijkverbinder").ShouldBeInRange(0.1, 0.99);
        Share("walnootdreef").ShouldBeLessThan(0.1);
        Share("lorem").ShouldBe(0);

        // Few very common words, a long tail of rare ones: many distinct words occur in under 10% of the texts.
        var documentFrequency = texts.SelectMany(t => Word().Matches(t).Select(m => m.Value).Distinct())
            .GroupBy(w => w).Select(g => g.Count() / (double)texts.Count).ToList();
        documentFrequency.Count.ShouldBeGreaterThan(3_000);
        (documentFrequency.Count(f => f < 0.1) / (double)documentFrequency.Count).ShouldBeGreaterThan(0.4);
        documentFrequency.Count(f => f > 0.8).ShouldBeLessThan(documentFrequency.Count / 20);
    }

    [Fact]
    public void Drafts_are_shorter_versions_of_the_current_text()
    {
        var text = Generator.Article(5, 1_000, 1_200);

        text.Draft(1, 3).Length.ShouldBeLessThan(text.Draft(2, 3).Length);
        text.Draft(3, 3).ShouldBe(text.Markdown);
        text.Markdown.ShouldStartWith(text.Draft(1, 3));
    }

    [Fact]
    public void Members_organisations_and_keywords_look_like_the_sector()
    {
        var member = Generator.Member(12);
        var organisation = Generator.Organisation(0);

        member.Email.ShouldBe("lid00012@bulk.kennishub.example");
        member.DisplayName.ShouldContain(' ');
        organisation.Name.ShouldStartWith("Gemeente ");
        organisation.DescriptionMarkdown.ShouldContain("## Betekenis voor beheer openbare ruimte");
        var keywords = Generator.KeywordsFor(2, 9);
        keywords.Count.ShouldBeInRange(2, 5);
        keywords.Distinct().Count().ShouldBe(keywords.Count);
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordCount();

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();
}
