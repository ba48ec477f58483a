using Bunit;

namespace KennisHub.Components.Tests;

public sealed class BreadcrumbsTests : ComponentTest
{
    private static readonly BreadcrumbItem[] Trail =
    [
        new("Home", "/"),
        new("Thema's", "/themas"),
        new("Bomen in de stad", "/themas/bomen-in-de-stad"),
    ];

    [Fact]
    public void Breadcrumbs_are_a_navigation_named_Kruimelpad_with_an_ordered_list()
    {
        var crumbs = Render<Breadcrumbs>(p => p.Add(c => c.Items, Trail));

        crumbs.Find("nav").GetAttribute("aria-label").ShouldBe("Kruimelpad");
        crumbs.FindAll("nav > ol > li").Count.ShouldBe(3);
        crumbs.FindAll("a").Select(a => a.TextContent).ShouldBe(["Home", "Thema's", "Bomen in de stad"]);
    }

    [Fact]
    public void Only_the_last_crumb_is_the_current_page()
    {
        var crumbs = Render<Breadcrumbs>(p => p.Add(c => c.Items, Trail));

        var current = crumbs.FindAll("a[aria-current]");
        current.Count.ShouldBe(1);
        current[0].GetAttribute("aria-current").ShouldBe("page");
        current[0].TextContent.ShouldBe("Bomen in de stad");
    }

    [Fact]
    public void No_items_render_no_empty_navigation()
    {
        Render<Breadcrumbs>(p => p.Add(c => c.Items, Array.Empty<BreadcrumbItem>())).Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void In_English_the_navigation_is_named_Breadcrumb()
    {
        InEnglish();

        Render<Breadcrumbs>(p => p.Add(c => c.Items, Trail)).Find("nav").GetAttribute("aria-label").ShouldBe("Breadcrumb");
    }
}
