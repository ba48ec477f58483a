using KennisHub.Core.Editing;

namespace KennisHub.Core.Tests.Editing;

public sealed class ProseDiffTests
{
    [Fact]
    public void A_changed_word_shows_as_one_deletion_and_one_insertion_inside_its_paragraph()
    {
        var diff = ProseDiff.Compare("Inleiding.\n\nDe gemeente maait twee keer per jaar.", "Inleiding.\n\nDe gemeente maait drie keer per jaar.");

        diff.Rows.Select(r => r.Kind).ShouldBe([DiffRowKind.Unchanged, DiffRowKind.Changed]);
        var changed = diff.Rows[1];
        changed.Inline.ShouldBe([
            new DiffSpan(DiffSpanKind.Unchanged, "De gemeente maait "),
            new DiffSpan(DiffSpanKind.Deleted, "twee"),
            new DiffSpan(DiffSpanKind.Inserted, "drie"),
            new DiffSpan(DiffSpanKind.Unchanged, " keer per jaar."),
        ]);
        string.Concat(changed.Older.Select(s => s.Text)).ShouldBe("De gemeente maait twee keer per jaar.");
        string.Concat(changed.Newer.Select(s => s.Text)).ShouldBe("De gemeente maait drie keer per jaar.");
        (diff.WordsAdded, diff.WordsRemoved).ShouldBe((1, 1));
        diff.HasChanges.ShouldBeTrue();
    }

    [Fact]
    public void Neighbouring_changed_words_read_as_one_phrase_not_a_checkerboard()
    {
        var diff = ProseDiff.Compare("De gemeente maait het gras.", "De provincie snoeit het gras.");

        diff.Rows.Single().Inline.ShouldBe([
            new DiffSpan(DiffSpanKind.Unchanged, "De "),
            new DiffSpan(DiffSpanKind.Deleted, "gemeente maait"),
            new DiffSpan(DiffSpanKind.Inserted, "provincie snoeit"),
            new DiffSpan(DiffSpanKind.Unchanged, " het gras."),
        ]);
    }

    [Fact]
    public void A_short_common_word_between_two_changes_is_folded_into_them()
    {
        var diff = ProseDiff.Compare("Bewoners melden schade in de app.", "Inwoners sturen foto's in het portaal.");

        var row = diff.Rows.Single();
        row.Inline.Count(s => s.Kind == DiffSpanKind.Unchanged && s.Text.Trim() == "in").ShouldBe(0);
        string.Concat(row.Older.Select(s => s.Text)).ShouldBe("Bewoners melden schade in de app.");
        string.Concat(row.Newer.Select(s => s.Text)).ShouldBe("Inwoners sturen foto's in het portaal.");
    }

    [Fact]
    public void Added_and_removed_paragraphs_are_rows_of_their_own()
    {
        var diff = ProseDiff.Compare("Een.\n\nTwee.\n\nDrie.", "Een.\n\nDrie.\n\nVier, nieuw.");

        diff.Rows.Select(r => (r.Kind, string.Concat(r.Inline.Select(s => s.Text)))).ShouldBe([
            (DiffRowKind.Unchanged, "Een."),
            (DiffRowKind.Removed, "Twee."),
            (DiffRowKind.Unchanged, "Drie."),
            (DiffRowKind.Added, "Vier, nieuw."),
        ]);
        diff.Rows[1].Newer.ShouldBeEmpty();
        diff.Rows[3].Older.ShouldBeEmpty();
        (diff.WordsAdded, diff.WordsRemoved).ShouldBe((2, 1));
    }

    [Fact]
    public void Line_endings_and_accent_forms_are_not_differences()
    {
        const string text = "Ideeën voor één coöperatie.\n\nTweede alinea.";

        var diff = ProseDiff.Compare(text, text.Replace("\n", "\r\n", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormD));

        diff.HasChanges.ShouldBeFalse();
        diff.Rows.Count.ShouldBe(2);
    }

    [Fact]
    public void Dutch_words_with_apostrophes_hyphens_and_diacritics_change_as_whole_words()
    {
        var diff = ProseDiff.Compare("De thema's van Noord-Holland en zo'n coöperatie.", "De thema's van Zuid-Holland en zo'n coöperatie.");

        diff.Rows.Single().Inline.Where(s => s.Kind != DiffSpanKind.Unchanged).ShouldBe([
            new DiffSpan(DiffSpanKind.Deleted, "Noord-Holland"),
            new DiffSpan(DiffSpanKind.Inserted, "Zuid-Holland"),
        ]);
    }

    [Fact]
    public void A_joined_paragraph_shows_the_removed_break_as_white_space()
    {
        var diff = ProseDiff.Compare("Eerste zin.\n\nTweede zin.", "Eerste zin. Tweede zin.");

        var row = diff.Rows.Single();
        row.Kind.ShouldBe(DiffRowKind.Changed);
        row.Inline.Where(s => s.Kind == DiffSpanKind.Deleted).ShouldAllBe(s => s.IsWhiteSpace);
    }

    [Fact]
    public void Two_empty_texts_have_no_rows_and_an_empty_text_against_one_paragraph_is_an_addition()
    {
        ProseDiff.Compare(string.Empty, string.Empty).Rows.ShouldBeEmpty();
        ProseDiff.Compare(string.Empty, "Nieuw.").Rows.Single().Kind.ShouldBe(DiffRowKind.Added);
    }
}
