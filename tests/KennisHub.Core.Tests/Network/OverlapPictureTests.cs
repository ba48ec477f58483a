using KennisHub.Core.Network;

namespace KennisHub.Core.Tests.Network;

public sealed class OverlapPictureTests
{
    private static readonly Guid Vng = Guid.NewGuid();
    private static readonly Guid G4 = Guid.NewGuid();
    private static readonly Guid Drenthe = Guid.NewGuid();

    private static IEnumerable<OverlapMembership> Memberships()
    {
        // Five municipalities in the VNG; two of them also in the G4; one in the VDG; Assen in none but the VDG.
        var amsterdam = Guid.NewGuid();
        var rotterdam = Guid.NewGuid();
        var kampen = Guid.NewGuid();
        var emmen = Guid.NewGuid();
        var zwolle = Guid.NewGuid();
        var assen = Guid.NewGuid();
        yield return Row(amsterdam, "Amsterdam", Vng, "vng", "VNG");
        yield return Row(amsterdam, "Amsterdam", G4, "g4", "G4");
        yield return Row(rotterdam, "Rotterdam", G4, "g4", "G4");
        yield return Row(rotterdam, "Rotterdam", Vng, "vng", "VNG");
        yield return Row(kampen, "Kampen", Vng, "vng", "VNG");
        yield return Row(zwolle, "Zwolle", Vng, "vng", "VNG");
        yield return Row(emmen, "Emmen", Vng, "vng", "VNG");
        yield return Row(emmen, "Emmen", Drenthe, "vdg", "VDG");
        yield return Row(assen, "Assen", Drenthe, "vdg", "VDG");
    }

    private static OverlapMembership Row(Guid member, string name, Guid network, string slug, string networkName)
        => new() { MemberId = member, MemberName = name, NetworkId = network, NetworkSlug = slug, NetworkName = networkName };

    [Fact]
    public void Networks_are_rows_by_size_and_every_organisation_counts_in_exactly_one_combination()
    {
        var picture = OverlapPicture.Compute(Memberships());

        picture.Sets.Select(s => (s.Slug, s.Size)).ShouldBe([("vng", 5), ("g4", 2), ("vdg", 2)]);
        picture.MemberCount.ShouldBe(6);
        picture.Combinations.Sum(c => c.Count).ShouldBe(picture.MemberCount);
        picture.HiddenCombinations.ShouldBe(0);

        // Columns by count, then by degree: VNG only (Kampen, Zwolle), VNG+G4 (Amsterdam, Rotterdam), then the singles.
        picture.Combinations.Select(c => (string.Join('+', c.SetIndexes.Select(i => picture.Sets[i].Slug)), c.Count))
            .ShouldBe([("vng+g4", 2), ("vng", 2), ("vng+vdg", 1), ("vdg", 1)]);
        picture.Combinations[0].ExampleMembers.ShouldBe(["Amsterdam", "Rotterdam"]);
    }

    [Fact]
    public void Each_set_size_is_the_sum_of_the_combinations_that_include_it()
    {
        var picture = OverlapPicture.Compute(Memberships());

        for (var row = 0; row < picture.Sets.Count; row++)
        {
            picture.Combinations.Where(c => c.SetIndexes.Contains(row)).Sum(c => c.Count).ShouldBe(picture.Sets[row].Size);
        }
    }

    [Fact]
    public void The_layout_puts_dots_on_a_grid_and_bars_in_proportion_to_the_counts()
    {
        var picture = OverlapPicture.Compute(Memberships());
        var layout = picture.Layout();

        layout.ColumnCenterX(0).ShouldBe(OverlapLayout.SetBarWidth + layout.LabelWidth + (OverlapLayout.ColumnWidth / 2));
        (layout.ColumnCenterX(3) - layout.ColumnCenterX(2)).ShouldBe(OverlapLayout.ColumnWidth);
        (layout.RowCenterY(2) - layout.RowCenterY(1)).ShouldBe(OverlapLayout.RowHeight);
        layout.RowCenterY(0).ShouldBeGreaterThan(OverlapLayout.Top + OverlapLayout.BarAreaHeight);

        // The largest count fills the bar area; half the count is half the height; all bars stand on one line.
        layout.BarHeight(0).ShouldBe(OverlapLayout.BarAreaHeight);
        layout.BarHeight(2).ShouldBe(OverlapLayout.BarAreaHeight / 2);
        Enumerable.Range(0, 4).Select(c => layout.BarTop(c) + layout.BarHeight(c)).Distinct().ShouldHaveSingleItem();
        layout.SetBarLength(0).ShouldBe(OverlapLayout.SetBarWidth - 10);
        layout.SetBarLength(1).ShouldBe(28);

        layout.Includes(0, 0).ShouldBeTrue();
        layout.Includes(0, 1).ShouldBeTrue();
        layout.Includes(0, 2).ShouldBeFalse();
        layout.Connector(0).ShouldBe((layout.RowCenterY(0), layout.RowCenterY(1)));
        layout.Connector(1).ShouldBeNull();
        layout.Width.ShouldBe(layout.ColumnCenterX(3) + (OverlapLayout.ColumnWidth / 2) + 10);
        layout.Height.ShouldBe(layout.RowCenterY(2) + (OverlapLayout.RowHeight / 2) + 10);
    }

    [Fact]
    public void Labels_get_the_room_of_the_longest_and_a_very_long_name_is_cut()
    {
        var network = Guid.NewGuid();
        var name = new string('n', 100);
        var picture = OverlapPicture.Compute([Row(Guid.NewGuid(), "Lid", network, "lang", name)]);
        var layout = picture.Layout();

        layout.Label(0).ShouldBe(new string('n', OverlapLayout.MaxLabelCharacters - 1) + "… (1)");
        layout.LabelWidth.ShouldBe((layout.Label(0).Length * OverlapLayout.CharacterWidth) + 20);
        OverlapPicture.Compute(Memberships()).Layout().LabelWidth.ShouldBe(120);
    }

    [Fact]
    public void Beyond_the_column_limit_the_smallest_combinations_are_counted_as_hidden()
    {
        var network = Guid.NewGuid();
        var rows = Enumerable.Range(0, 30).SelectMany(i =>
        {
            var member = Guid.NewGuid();
            var own = Guid.NewGuid();
            return new[] { Row(member, "Lid " + i, network, "n", "N"), Row(member, "Lid " + i, own, "eigen-" + i, "Eigen " + i) };
        });

        var picture = OverlapPicture.Compute(rows, maxCombinations: 24);

        picture.Combinations.Count.ShouldBe(24);
        picture.HiddenCombinations.ShouldBe(6);
        picture.MemberCount.ShouldBe(30);
    }

    [Fact]
    public void No_relations_give_an_empty_picture_that_still_has_a_size()
    {
        var picture = OverlapPicture.Compute([]);

        picture.Sets.ShouldBeEmpty();
        picture.Combinations.ShouldBeEmpty();
        picture.Layout().Width.ShouldBeGreaterThan(0);
    }
}
