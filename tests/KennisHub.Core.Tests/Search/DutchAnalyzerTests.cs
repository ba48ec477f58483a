using KennisHub.Core.Search;

namespace KennisHub.Core.Tests.Search;

public sealed class DutchAnalyzerTests
{
    [Theory]
    [InlineData("coördinatie", "coordinatie")]
    [InlineData("privé", "prive")]
    [InlineData("boom", "bomen")]
    [InlineData("gemeente", "gemeenten")]
    [InlineData("wijk", "wijken")]
    [InlineData("speelplaats", "speelplaatsen")]
    [InlineData("straat", "straten")]
    [InlineData("Beheer", "beheer")]
    public void Inflections_case_and_diacritics_meet_at_one_term(string one, string other)
        => DutchAnalyzer.Analyse(one).ShouldBe(DutchAnalyzer.Analyse(other));

    [Fact]
    public void Stop_words_are_not_indexed()
        => DutchAnalyzer.Analyse("het beheer van de openbare ruimte").Split(' ').Length.ShouldBe(3);

    [Fact]
    public void Words_keep_their_place_in_the_original_for_snippets()
    {
        var tokens = DutchAnalyzer.Tokens("Wijk-aanpak, coördinatie!").ToList();
        tokens.Select(t => t.Folded).ShouldBe(["wijk", "aanpak", "coordinatie"]);
        tokens[2].Start.ShouldBe(13);
        tokens[2].Length.ShouldBe(11);
    }
}
