using KennisHub.Core.Data;
using KennisHub.Core.Search;

namespace KennisHub.Core.Tests.Search;

public sealed class SearchQueryTests
{
    public static TheoryData<string> BadInput =>
    [
        "\"openbare ruimte", "\"\"\"", "-", "- -", "AND", "OR NOT", "NEAR(", "*", "^beheer", "beheer:*", "\"a\" NOT", "{title}: x",
        "'; DROP TABLE Articles; --", "1' OR '1'='1", "beheer\u0000\u0007\u001b[31m", "\ud83c\udf33 bomen \u200b\u202e",
        "\uFEFF", "𝔟𝔢𝔥𝔢𝔢𝔯", new string('a', 10_000), string.Join(' ', Enumerable.Repeat("wijk", 5_000)), "<script>alert(1)</script>", "   ",
    ];

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Any_input_parses_to_a_condition_of_quoted_terms_only(string input)
    {
        var query = SearchQuery.Parse(input);

        query.Text.Length.ShouldBeLessThanOrEqualTo(SearchQuery.MaxLength);
        foreach (var syntax in new[] { FullTextSyntax.Fts5, FullTextSyntax.Contains })
        {
            if (query.CanSearch)
            {
                var condition = query.Condition(syntax, withPrefix: true);
                // Outside the quotes only the engine words this class writes, brackets and a prefix star.
                var outside = string.Concat(condition.Split('"').Where((_, i) => i % 2 == 0));
                outside.Replace("AND", string.Empty, StringComparison.Ordinal).Replace("NOT", string.Empty, StringComparison.Ordinal)
                    .Replace("OR", string.Empty, StringComparison.Ordinal).Trim(' ', '(', ')', '*').ShouldNotContain(c => char.IsLetterOrDigit(c) || c == ';' || c == '\'');
            }
        }
    }

    [Fact]
    public void Phrases_exclusions_and_the_last_word_as_prefix_are_recognised()
    {
        var query = SearchQuery.Parse("\"openbare ruimte\" -riolering wijkverbin");

        query.Required.Count.ShouldBe(2);
        query.Required[0].IsPhrase.ShouldBeTrue();
        query.Excluded.Single().Words.ShouldBe(["riolering"]);
        query.Prefix.ShouldBe("wijkverbin");
        query.Condition(FullTextSyntax.Fts5, withPrefix: true).ShouldContain("NOT");
    }

    [Theory]
    [InlineData("", QueryNotice.Empty)]
    [InlineData("de het een", QueryNotice.OnlyStopWords)]
    [InlineData("-riolering", QueryNotice.OnlyExclusions)]
    public void What_cannot_be_searched_says_why(string input, QueryNotice notice)
    {
        var query = SearchQuery.Parse(input);
        query.CanSearch.ShouldBeFalse();
        query.Notice.ShouldBe(notice);
    }

    [Fact]
    public void A_long_query_is_shortened_and_says_so()
        => SearchQuery.Parse(new string('b', 10_000)).Notice.ShouldBe(QueryNotice.Shortened);
}
