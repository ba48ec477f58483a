using Bunit;

namespace KennisHub.Components.Tests;

public sealed class CardTests : ComponentTest
{
    [Fact]
    public void A_card_is_an_article_whose_heading_is_a_link_to_the_item()
    {
        var card = Render<Card>(p => p
            .Add(c => c.Title, "Maaibeheer en biodiversiteit")
            .Add(c => c.Href, "/kennis/maaibeheer")
            .Add(c => c.Summary, "Wat gemeenten leerden van gefaseerd maaien."));

        var article = card.Find("article");
        var heading = article.QuerySelector("h2")!;
        var link = heading.QuerySelector("a")!;
        AccessibleText(link).ShouldBe("Maaibeheer en biodiversiteit");
        link.GetAttribute("href").ShouldBe("/kennis/maaibeheer");
        article.QuerySelector("p")!.TextContent.ShouldBe("Wat gemeenten leerden van gefaseerd maaien.");
    }

    [Fact]
    public void A_card_takes_the_heading_level_the_page_outline_needs()
    {
        var card = Render<Card>(p => p.Add(c => c.Title, "Bomen").Add(c => c.Href, "/themas/bomen").Add(c => c.HeadingLevel, 3));

        card.FindAll("h3 a").Count.ShouldBe(1);
        card.FindAll("h2").ShouldBeEmpty();
    }

    [Fact]
    public void A_card_without_summary_leaves_out_the_empty_paragraph_and_shows_its_meta()
    {
        var card = Render<Card>(p => p
            .Add(c => c.Title, "Bomen")
            .Add(c => c.Href, "/themas/bomen")
            .Add(c => c.Meta, "<span>Gemeente Kampen</span>"));

        card.FindAll("p").ShouldBeEmpty();
        card.Find(".kh-card__meta").TextContent.ShouldBe("Gemeente Kampen");
    }
}
