using KennisHub.Core.Editing;

namespace KennisHub.Core.Tests.Editing;

public sealed class ThreeWayMergeTests
{
    private const string Base = """
        # Maaibeheer

        De gemeente maait de bermen twee keer per jaar.

        Het maaisel wordt afgevoerd naar de composteerder.

        Bewoners kunnen meldingen doen via de app.
        """;

    [Fact]
    public void Changes_to_different_paragraphs_merge_cleanly_and_say_who_changed_what()
    {
        var mine = Base.Replace("twee keer", "drie keer", StringComparison.Ordinal);
        var theirs = Base.Replace("de app", "de website", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldBe(Base.Replace("twee keer", "drie keer", StringComparison.Ordinal).Replace("de app", "de website", StringComparison.Ordinal));
        result.IncludesTheirChanges.ShouldBeTrue();
        var changed = result.Regions.OfType<ChangedRegion>().ToList();
        changed.Select(r => r.Source).ShouldBe([MergeSource.Mine, MergeSource.Theirs]);
        changed[0].Base.ShouldContain("twee keer");
        changed[0].Merged.ShouldContain("drie keer");
        changed[1].Merged.ShouldContain("de website");
    }

    [Fact]
    public void Changes_to_different_sentences_of_one_paragraph_merge_word_by_word()
    {
        const string paragraph = "De gemeente maait de bermen twee keer per jaar. Het maaisel gaat naar de composteerder.";
        var mine = paragraph.Replace("twee", "drie", StringComparison.Ordinal);
        var theirs = paragraph.Replace("composteerder", "vergister", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(paragraph, mine, theirs);

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldBe("De gemeente maait de bermen drie keer per jaar. Het maaisel gaat naar de vergister.");
        result.Regions.OfType<ChangedRegion>().Single().Source.ShouldBe(MergeSource.Combined);
        result.IncludesTheirChanges.ShouldBeTrue();
    }

    [Fact]
    public void The_same_words_changed_differently_are_a_conflict_with_the_rest_still_merged()
    {
        var mine = Base.Replace("twee keer", "drie keer", StringComparison.Ordinal);
        var theirs = Base.Replace("twee keer", "vier keer", StringComparison.Ordinal).Replace("de app", "de website", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        result.IsClean.ShouldBeFalse();
        var conflict = result.Conflicts.ShouldHaveSingleItem();
        conflict.Index.ShouldBe(0);
        conflict.Base.ShouldBe("De gemeente maait de bermen twee keer per jaar.\n\n");
        conflict.Mine.ShouldBe("De gemeente maait de bermen drie keer per jaar.\n\n");
        conflict.Theirs.ShouldBe("De gemeente maait de bermen vier keer per jaar.\n\n");
        result.Regions.OfType<ChangedRegion>().ShouldHaveSingleItem().Merged.ShouldContain("de website");
        Should.Throw<InvalidOperationException>(() => result.Text);
        result.Mine.ShouldBe(mine);

        Resolve(result, ConflictResolution.TakeMine).ShouldBe(mine.Replace("de app", "de website", StringComparison.Ordinal));
        Resolve(result, ConflictResolution.TakeTheirs).ShouldBe(theirs);
        Resolve(result, ConflictResolution.Edited("De gemeente maait de bermen drie of vier keer per jaar.\r\n"))
            .ShouldBe(theirs.Replace("vier keer", "drie of vier keer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resolution_is_needed_for_every_conflict()
    {
        var result = ThreeWayMerge.Merge("Een zin.", "Een andere zin.", "Een nieuwe zin.");

        result.Conflicts.Count.ShouldBe(1);
        Should.Throw<ArgumentException>(() => result.Resolve(new Dictionary<int, ConflictResolution>()));
    }

    [Fact]
    public void Neighbouring_words_changed_by_each_side_are_one_phrase_and_so_a_conflict()
    {
        var result = ThreeWayMerge.Merge("De grote gemeente maait.", "De kleine gemeente maait.", "De grote provincie maait.");

        result.IsClean.ShouldBeFalse();
    }

    [Fact]
    public void Identical_edits_on_both_sides_are_taken_once()
    {
        var edited = Base.Replace("twee keer", "drie keer", StringComparison.Ordinal) + "\n\nNieuwe alinea.";

        var result = ThreeWayMerge.Merge(Base, edited, edited);

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldBe(edited);
        result.Regions.OfType<ChangedRegion>().ShouldAllBe(r => r.Source == MergeSource.Both);
        result.IncludesTheirChanges.ShouldBeFalse();
    }

    [Fact]
    public void Edits_to_adjacent_lines_of_a_list_merge_but_edits_that_touch_across_the_line_break_conflict()
    {
        const string list = "- bermen maaien\n- sloten schonen\n- bomen snoeien";

        var clean = ThreeWayMerge.Merge(list, list.Replace("bermen", "wegbermen", StringComparison.Ordinal), list.Replace("sloten", "watergangen", StringComparison.Ordinal));
        clean.IsClean.ShouldBeTrue();
        clean.Text.ShouldBe("- wegbermen maaien\n- watergangen schonen\n- bomen snoeien");

        var touching = ThreeWayMerge.Merge("bermen maaien\nsloten schonen", "bermen kortmaaien\nsloten schonen", "bermen maaien\nwatergangen schonen");
        touching.IsClean.ShouldBeFalse();
    }

    [Fact]
    public void Adjacent_paragraphs_changed_by_each_side_merge_cleanly()
    {
        const string text = "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.";

        var result = ThreeWayMerge.Merge(text, text.Replace("Eerste", "Allereerste", StringComparison.Ordinal), text.Replace("Tweede alinea.", "Tweede, herschreven alinea.", StringComparison.Ordinal));

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldBe("Allereerste alinea.\n\nTweede, herschreven alinea.\n\nDerde alinea.");
    }

    [Fact]
    public void Different_insertions_at_the_same_place_conflict_and_both_can_be_kept()
    {
        const string text = "Inleiding.\n\nSlot.";

        var result = ThreeWayMerge.Merge(text, "Inleiding.\n\nMijn alinea.\n\nSlot.", "Inleiding.\n\nHun alinea.\n\nSlot.");

        var conflict = result.Conflicts.ShouldHaveSingleItem();
        conflict.Base.ShouldBeEmpty();
        conflict.Mine.ShouldBe("Mijn alinea.\n\n");
        conflict.Theirs.ShouldBe("Hun alinea.\n\n");
        Resolve(result, ConflictResolution.TakeBoth).ShouldBe("Inleiding.\n\nMijn alinea.\n\nHun alinea.\n\nSlot.");
    }

    [Fact]
    public void The_same_insertion_on_both_sides_is_taken_once()
    {
        var result = ThreeWayMerge.Merge("Inleiding.\n\nSlot.", "Inleiding.\n\nMidden.\n\nSlot.", "Inleiding.\n\nMidden.\n\nSlot.");

        result.Text.ShouldBe("Inleiding.\n\nMidden.\n\nSlot.");
    }

    [Fact]
    public void Appending_at_the_end_on_both_sides_conflicts_rather_than_guessing_an_order()
    {
        var result = ThreeWayMerge.Merge("Tekst.", "Tekst.\n\nVan mij.", "Tekst.\n\nVan hen.");

        result.Conflicts.ShouldHaveSingleItem();
    }

    [Fact]
    public void Deleting_a_paragraph_the_other_side_edited_is_a_conflict_that_keeps_the_edit_visible()
    {
        var mine = Base.Replace("Het maaisel wordt afgevoerd naar de composteerder.\n\n", string.Empty, StringComparison.Ordinal);
        var theirs = Base.Replace("composteerder", "vergister", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        var conflict = result.Conflicts.ShouldHaveSingleItem();
        conflict.Mine.ShouldBeEmpty();
        conflict.Theirs.ShouldContain("vergister");
        Resolve(result, ConflictResolution.TakeMine).ShouldBe(mine);
        Resolve(result, ConflictResolution.TakeTheirs).ShouldBe(theirs);
    }

    [Fact]
    public void Deleting_a_paragraph_next_to_one_the_other_side_edited_merges_cleanly()
    {
        const string text = "Een.\n\nTwee.\n\nDrie.";

        ThreeWayMerge.Merge(text, "Een.\n\nDrie.", "Een.\n\nTwee.\n\nDrie, aangevuld.").Text.ShouldBe("Een.\n\nDrie, aangevuld.");
        ThreeWayMerge.Merge(text, "Twee.\n\nDrie.", "Een.\n\nTwee.").Text.ShouldBe("Twee.");
        ThreeWayMerge.Merge(text, "Een.\n\nTwee.", "Een.\n\nTwee.").Text.ShouldBe("Een.\n\nTwee.");
    }

    [Fact]
    public void Deleting_a_word_the_other_side_changed_is_a_conflict()
    {
        ThreeWayMerge.Merge("De grote gemeente maait.", "De gemeente maait.", "De grootste gemeente maait.").IsClean.ShouldBeFalse();
    }

    [Fact]
    public void Windows_line_endings_in_this_edit_are_not_a_change()
    {
        var mine = Base.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("twee keer", "drie keer", StringComparison.Ordinal);
        var theirs = Base.Replace("de app", "de website", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldNotContain("\r");
        result.Text.ShouldBe(Base.Replace("twee keer", "drie keer", StringComparison.Ordinal).Replace("de app", "de website", StringComparison.Ordinal));
        result.Regions.OfType<ChangedRegion>().Count().ShouldBe(2);
    }

    [Fact]
    public void Trailing_spaces_added_on_one_side_give_way_to_a_real_edit_of_the_same_line()
    {
        var result = ThreeWayMerge.Merge("Bermen\nDe gemeente maait", "Bermen  \nDe gemeente maait   ", "Bermen\nDe gemeente snoeit");

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldBe("Bermen\nDe gemeente snoeit");
        result.Regions.OfType<ChangedRegion>().Single().Source.ShouldBe(MergeSource.Theirs);
    }

    [Fact]
    public void A_doubled_space_and_a_word_change_elsewhere_in_the_sentence_both_survive()
    {
        var result = ThreeWayMerge.Merge("De gemeente maait de bermen.", "De gemeente  maait de bermen.", "De gemeente maait de sloten.");

        result.Text.ShouldBe("De gemeente  maait de sloten.");
    }

    [Fact]
    public void A_line_break_after_the_last_line_is_not_content()
    {
        ThreeWayMerge.Merge("Tekst.", "Tekst.\n", "Tekst, aangevuld.").Text.ShouldBe("Tekst, aangevuld.\n");
        ThreeWayMerge.Merge("Tekst.\n", "Tekst.\n\nMeer.", "Tekst.").Text.ShouldBe("Tekst.\n\nMeer.");
    }

    [Fact]
    public void Empty_texts_merge_as_any_other()
    {
        ThreeWayMerge.Merge(string.Empty, string.Empty, string.Empty).Text.ShouldBeEmpty();
        ThreeWayMerge.Merge(string.Empty, "Nieuw.", string.Empty).Text.ShouldBe("Nieuw.");
        ThreeWayMerge.Merge(string.Empty, string.Empty, "Nieuw.").Text.ShouldBe("Nieuw.");
        ThreeWayMerge.Merge(string.Empty, "Van mij.", "Van hen.").Conflicts.ShouldHaveSingleItem();
        ThreeWayMerge.Merge("Weg.", string.Empty, "Weg.").Text.ShouldBeEmpty();

        var emptiedAgainstEdit = ThreeWayMerge.Merge("Tekst.", string.Empty, "Tekst, aangevuld.");
        emptiedAgainstEdit.Conflicts.ShouldHaveSingleItem().Theirs.ShouldContain("aangevuld");
    }

    [Fact]
    public void Dutch_diacritics_compare_the_same_composed_or_decomposed()
    {
        const string composed = "Ideeën voor één coöperatie van geïnteresseerde bewoners.\n\nTweede alinea.";
        var decomposed = composed.Normalize(System.Text.NormalizationForm.FormD).Replace("Tweede", "Volgende", StringComparison.Ordinal);
        var theirs = composed.Replace("bewoners", "bewoners in Kampen", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(composed, decomposed, theirs);

        result.IsClean.ShouldBeTrue();
        result.Text.ShouldBe("Ideeën voor één coöperatie van geïnteresseerde bewoners in Kampen.\n\nVolgende alinea.");
        result.Text.IsNormalized(System.Text.NormalizationForm.FormC).ShouldBeTrue();
    }

    [Fact]
    public void Words_with_diacritics_changed_in_different_places_merge()
    {
        const string text = "Het thema's-overleg over één ideeën­lijst en de coördinatie van zo'n project.";

        var result = ThreeWayMerge.Merge(text, text.Replace("één", "twee", StringComparison.Ordinal), text.Replace("coördinatie", "regie", StringComparison.Ordinal));

        result.Text.ShouldBe("Het thema's-overleg over twee ideeën­lijst en de regie van zo'n project.");
    }

    [Fact]
    public void When_only_one_side_changed_the_result_is_exactly_that_side()
    {
        ThreeWayMerge.Merge(Base, Base + "\n", Base).Text.ShouldBe(Base + "\n");
        ThreeWayMerge.Merge(Base, Base, Base.Replace("app", "site", StringComparison.Ordinal)).Text.ShouldBe(Base.Replace("app", "site", StringComparison.Ordinal));
        ThreeWayMerge.Merge(Base, Base, Base).Text.ShouldBe(Base);
    }

    private static string Resolve(MergeResult result, ConflictResolution resolution)
        => result.Resolve(result.Conflicts.ToDictionary(c => c.Index, _ => resolution));
}
