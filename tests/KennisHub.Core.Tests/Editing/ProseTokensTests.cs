using KennisHub.Core.Editing;

namespace KennisHub.Core.Tests.Editing;

public sealed class ProseTokensTests
{
    [Fact]
    public void Words_keep_Dutch_apostrophes_hyphens_and_diacritics_inside_a_word()
    {
        ProseTokens.Words("Zo'n thema's-overleg in Noord-Holland, één café!").ShouldBe(
            ["Zo'n", " ", "thema's-overleg", " ", "in", " ", "Noord-Holland", ",", " ", "één", " ", "café", "!"]);
    }

    [Fact]
    public void Line_breaks_are_pieces_of_their_own_and_repeated_punctuation_is_one_piece()
    {
        ProseTokens.Words("## Kop\n**vet**  en...\n").ShouldBe(["##", " ", "Kop", "\n", "**", "vet", "**", "  ", "en", "...", "\n"]);
    }

    [Fact]
    public void Pieces_always_concatenate_back_to_the_text()
    {
        const string text = "# Maaibeheer 🌳\n\n- een\n- twee\t drie\n\n| a | b |\n|---|---|\n\u00A0 's-Hertogenbosch e\u0301e\u0301n";

        string.Concat(ProseTokens.Words(text)).ShouldBe(text);
        string.Concat(ProseTokens.Blocks(text)).ShouldBe(text + "\n\n");
    }

    [Fact]
    public void A_block_is_a_paragraph_with_the_blank_lines_after_it()
    {
        ProseTokens.Blocks("\n\nEen\nregel twee\n\n\n- lijst\n- lijst\n  \nSlot").ShouldBe(
            ["\n\nEen\nregel twee\n\n\n", "- lijst\n- lijst\n  \n", "Slot\n\n"]);
        ProseTokens.Blocks(string.Empty).ShouldBeEmpty();
    }
}
