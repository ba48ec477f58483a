using Bunit;
using KennisHub.Core.Editing;
using KennisHub.Tests.Shared;

namespace KennisHub.Components.Tests;

public sealed class RevisionDiffTests : ComponentTest
{
    private const string Older = "# Maaibeheer\n\nDe gemeente maait twee keer per jaar.\n\nHet maaisel gaat naar de composteerder.";
    private const string Newer = "# Maaibeheer\n\nDe gemeente maait drie keer per jaar.\n\nBewoners melden schade via de app.";

    private IRenderedComponent<RevisionDiff> RenderDiff(RevisionDiffView view, string older = Older, string newer = Newer) =>
        Render<RevisionDiff>(p => p
            .Add(c => c.Diff, ProseDiff.Compare(older, newer))
            .Add(c => c.View, view)
            .Add(c => c.OlderLabel, "Versie 3")
            .Add(c => c.NewerLabel, "Versie 4"));

    [Fact]
    public void The_comparison_is_a_region_named_in_Dutch_with_a_summary_and_a_legend()
    {
        var diff = RenderDiff(RevisionDiffView.Inline);

        diff.Find("section").GetAttribute("aria-label").ShouldBe("Verschillen tussen de versies");
        diff.Find(".kh-diff__summary").TextContent.ShouldBe("7 woorden toegevoegd, 7 woorden verwijderd.");
        var legend = diff.Find("ul.kh-diff__legend");
        legend.GetAttribute("aria-label").ShouldBe("Legenda");
        legend.QuerySelector("ins")!.TextContent.ShouldBe("toegevoegde tekst");
        legend.QuerySelector("del")!.TextContent.ShouldBe("verwijderde tekst");
    }

    [Fact]
    public void Inline_every_change_is_announced_by_a_hidden_label_before_its_text()
    {
        var diff = RenderDiff(RevisionDiffView.Inline);

        var inserted = diff.FindAll(".kh-diff__inline ins");
        var deleted = diff.FindAll(".kh-diff__inline del");
        inserted.Select(AccessibleText).ShouldBe(["toegevoegd: drie", "toegevoegd: Bewoners melden schade via de app"]);
        deleted.Select(AccessibleText).ShouldBe(["verwijderd: twee", "verwijderd: Het maaisel gaat naar de composteerder"]);
        inserted.Concat(deleted).ShouldAllBe(change => change.QuerySelector(".kh-visually-hidden") != null);
        AccessibleText(diff.FindAll(".kh-diff__inline .kh-diff__row")[1]).ShouldBe("De gemeente maait verwijderd: twee toegevoegd: drie keer per jaar.");
    }

    [Fact]
    public void Inline_rows_are_marked_by_kind_and_unchanged_text_is_plain()
    {
        var rows = RenderDiff(RevisionDiffView.Inline).FindAll(".kh-diff__inline > div");

        rows.Select(r => r.ClassList.Single(c => c.StartsWith("kh-diff__row--", StringComparison.Ordinal)))
            .ShouldBe(["kh-diff__row--unchanged", "kh-diff__row--changed", "kh-diff__row--changed"]);
        rows[0].TextContent.ShouldBe("# Maaibeheer");
        rows[0].QuerySelectorAll("ins, del").ShouldBeEmpty();
    }

    [Fact]
    public void Side_by_side_is_a_table_with_both_revisions_as_column_headers()
    {
        var diff = RenderDiff(RevisionDiffView.SideBySide);

        var table = diff.Find("table");
        table.QuerySelector("caption")!.TextContent.ShouldBe("De twee versies naast elkaar, alinea voor alinea");
        table.QuerySelectorAll("th[scope=col]").Select(th => th.TextContent).ShouldBe(["Versie 3", "Versie 4"]);
        var cells = table.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td");
        AccessibleText(cells[0]).ShouldBe("De gemeente maait verwijderd: twee keer per jaar.");
        AccessibleText(cells[1]).ShouldBe("De gemeente maait toegevoegd: drie keer per jaar.");
        cells[0].QuerySelectorAll("ins").ShouldBeEmpty();
        cells[1].QuerySelectorAll("del").ShouldBeEmpty();
        cells.Select(c => c.GetAttribute("data-label")).ShouldBe(["Versie 3", "Versie 4"]);
        diff.FindAll(".kh-diff__inline").ShouldBeEmpty();
    }

    [Fact]
    public void Side_by_side_an_added_paragraph_says_it_is_not_in_the_older_revision()
    {
        var diff = RenderDiff(RevisionDiffView.SideBySide, "Een.", "Een.\n\nTwee.");

        var cells = diff.FindAll("tbody tr")[1].QuerySelectorAll("td");
        AccessibleText(cells[0]).ShouldBe("(niet in deze versie)");
        AccessibleText(cells[1]).ShouldBe("toegevoegd: Twee.");
    }

    [Fact]
    public void A_white_space_change_gets_a_visible_mark_and_says_so()
    {
        var diff = RenderDiff(RevisionDiffView.Inline, "Eerste zin.\n\nTweede zin.", "Eerste zin. Tweede zin.");

        var deleted = diff.Find("del.kh-diff__del--space");
        deleted.QuerySelector(".kh-visually-hidden")!.TextContent.ShouldBe(" verwijderd: witruimte ");
        var mark = deleted.QuerySelector(".kh-diff__mark")!;
        mark.TextContent.ShouldBe("¶");
        mark.GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Fact]
    public void Equal_revisions_say_so_and_show_no_legend()
    {
        var diff = RenderDiff(RevisionDiffView.Inline, Older, Older.Replace("\n", "\r\n", StringComparison.Ordinal));

        diff.Find(".kh-diff__summary").TextContent.ShouldBe("De twee versies zijn gelijk.");
        diff.FindAll(".kh-diff__legend, ins, del").ShouldBeEmpty();
    }

    [Fact]
    public void One_word_is_singular()
    {
        RenderDiff(RevisionDiffView.Inline, "De gemeente maait.", "De gemeente maait vaak.").Find(".kh-diff__summary").TextContent
            .ShouldBe("1 woord toegevoegd, 0 woorden verwijderd.");
    }

    [Fact]
    public void Text_is_rendered_as_text_never_as_markup()
    {
        var diff = RenderDiff(RevisionDiffView.Inline, "Veilig.", "Veilig. <script>alert(1)</script><img src=x onerror=alert(1)>");

        diff.FindAll("script, img").ShouldBeEmpty();
        diff.Find(".kh-diff__inline ins").TextContent.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public void Every_attack_string_in_either_revision_stays_text_in_both_views()
    {
        var failures = new List<string>();
        foreach (var attack in AttackCorpus.All)
        {
            foreach (var view in new[] { RevisionDiffView.Inline, RevisionDiffView.SideBySide })
            {
                foreach (var (older, newer) in new[] { ("Veilige tekst.", "Veilige tekst.\n\n" + attack), (attack + " oud", attack + " nieuw") })
                {
                    var diff = RenderDiff(view, older, newer);
                    var section = diff.Find("section");
                    failures.AddRange(HtmlSafety.Problems(section, new HashSet<string>()).Select(p => $"{view} '{attack}': {p}"));
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void In_English_the_comparison_speaks_English()
    {
        InEnglish();

        var diff = Render<RevisionDiff>(p => p.Add(c => c.Diff, ProseDiff.Compare(Older, Newer)).Add(c => c.View, RevisionDiffView.SideBySide));

        diff.Find("section").GetAttribute("aria-label").ShouldBe("Differences between the revisions");
        diff.Find(".kh-diff__summary").TextContent.ShouldBe("7 words added, 7 words removed.");
        diff.FindAll("th").Select(th => th.TextContent).ShouldBe(["Older revision", "Newer revision"]);
        AccessibleText(diff.Find("td ins")).ShouldStartWith("added:");
        AccessibleText(diff.Find("td del")).ShouldStartWith("removed:");
    }
}
