using Bunit;

namespace KennisHub.Components.Tests;

public sealed class PagerTests : ComponentTest
{
    private IRenderedComponent<Pager> RenderPage(int current, int total) =>
        Render<Pager>(p => p.Add(c => c.CurrentPage, current).Add(c => c.TotalPages, total).Add(c => c.UrlFormat, "/kennis?pagina={0}"));

    [Fact]
    public void The_pager_is_a_navigation_landmark_named_in_Dutch()
    {
        var nav = RenderPage(2, 5).Find("nav");

        nav.GetAttribute("aria-label").ShouldBe("Paginering");
    }

    [Fact]
    public void The_current_page_is_a_link_marked_aria_current_page_and_named_with_its_number()
    {
        var current = RenderPage(2, 5).Find("a[aria-current]");

        current.GetAttribute("aria-current").ShouldBe("page");
        AccessibleText(current).ShouldBe("Pagina 2");
        current.GetAttribute("href").ShouldBe("/kennis?pagina=2");
    }

    [Fact]
    public void Previous_and_next_link_to_the_neighbouring_pages_with_rel_prev_and_next()
    {
        var pager = RenderPage(3, 5);

        var previous = pager.Find("a[rel=prev]");
        AccessibleText(previous).ShouldBe("Vorige");
        previous.GetAttribute("href").ShouldBe("/kennis?pagina=2");
        var next = pager.Find("a[rel=next]");
        AccessibleText(next).ShouldBe("Volgende");
        next.GetAttribute("href").ShouldBe("/kennis?pagina=4");
    }

    [Fact]
    public void The_first_page_has_no_previous_link_and_the_last_page_no_next_link()
    {
        RenderPage(1, 5).FindAll("a[rel=prev]").ShouldBeEmpty();
        RenderPage(5, 5).FindAll("a[rel=next]").ShouldBeEmpty();
    }

    [Fact]
    public void A_long_list_shows_first_last_and_nearby_pages_with_hidden_gaps()
    {
        var pager = RenderPage(10, 20);

        var numbers = pager.FindAll("a:not([rel])").Select(a => a.TextContent.Replace("Pagina", "", StringComparison.Ordinal).Trim());
        numbers.ShouldBe(["1", "8", "9", "10", "11", "12", "20"]);
        pager.FindAll(".kh-pager__gap").Count.ShouldBe(2);
        pager.FindAll(".kh-pager__gap").ShouldAllBe(gap => gap.GetAttribute("aria-hidden") == "true");
    }

    private IRenderedComponent<Pager> RenderUncounted(int current, bool hasNext) =>
        Render<Pager>(p => p.Add(c => c.CurrentPage, current).Add(c => c.HasNext, hasNext).Add(c => c.UrlFormat, "/kennis?pagina={0}"));

    [Fact]
    public void A_list_without_a_total_shows_the_first_page_the_pages_before_this_one_and_the_next()
    {
        var pager = RenderUncounted(10, hasNext: true);

        var numbers = pager.FindAll("a:not([rel])").Select(a => a.TextContent.Replace("Pagina", "", StringComparison.Ordinal).Trim());
        numbers.ShouldBe(["1", "8", "9", "10", "11"]);
        pager.Find("a[aria-current]").GetAttribute("href").ShouldBe("/kennis?pagina=10");
        pager.Find("a[rel=next]").GetAttribute("href").ShouldBe("/kennis?pagina=11");
        pager.Find("a[rel=prev]").GetAttribute("href").ShouldBe("/kennis?pagina=9");
        pager.Find("nav").GetAttribute("aria-label").ShouldBe("Paginering");
    }

    [Fact]
    public void A_list_without_a_total_has_no_next_link_on_its_last_page_and_no_pager_when_it_fits_one_page()
    {
        var last = RenderUncounted(3, hasNext: false);

        last.FindAll("a[rel=next]").ShouldBeEmpty();
        last.FindAll("a:not([rel])").Count.ShouldBe(3);
        RenderUncounted(1, hasNext: false).FindAll("nav").ShouldBeEmpty();
        RenderUncounted(1, hasNext: true).FindAll("a[rel=next]").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_page_far_down_a_counted_list_renders_only_the_numbers_it_shows()
    {
        var pager = RenderPage(50_000, 100_000);

        var numbers = pager.FindAll("a:not([rel])").Select(a => a.TextContent.Replace("Pagina", "", StringComparison.Ordinal).Trim());
        numbers.ShouldBe(["1", "49998", "49999", "50000", "50001", "50002", "100000"]);
    }

    [Fact]
    public void A_single_page_needs_no_pager()
    {
        RenderPage(1, 1).Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void A_page_number_out_of_range_is_clamped_to_the_last_page()
    {
        AccessibleText(RenderPage(99, 3).Find("a[aria-current]")).ShouldBe("Pagina 3");
    }

    [Fact]
    public void Texts_passed_in_replace_the_defaults()
    {
        var pager = Render<Pager>(p => p
            .Add(c => c.CurrentPage, 2).Add(c => c.TotalPages, 3).Add(c => c.UrlFormat, "?p={0}")
            .Add(c => c.Label, "Pagina's met zoekresultaten").Add(c => c.PreviousText, "Eerder").Add(c => c.NextText, "Verder"));

        pager.Find("nav").GetAttribute("aria-label").ShouldBe("Pagina's met zoekresultaten");
        AccessibleText(pager.Find("a[rel=prev]")).ShouldBe("Eerder");
        AccessibleText(pager.Find("a[rel=next]")).ShouldBe("Verder");
    }

    [Fact]
    public void In_English_the_pager_speaks_English()
    {
        InEnglish();

        var pager = RenderPage(2, 3);

        pager.Find("nav").GetAttribute("aria-label").ShouldBe("Pagination");
        AccessibleText(pager.Find("a[rel=prev]")).ShouldBe("Previous");
        AccessibleText(pager.Find("a[aria-current]")).ShouldBe("Page 2");
    }
}
