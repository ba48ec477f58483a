using System.Net;
using Dapper;
using KennisHub.Web.Tests.Infrastructure;
using KennisHub.Web.Tests.Security;

namespace KennisHub.Web.Tests.Following;

/// <summary>
/// Following over HTTP, as a member uses it: the item page links to the follow page, the real form follows and stops,
/// Mijn KennisHub shows what changed since the previous visit and what one follows, and never what one may not see.
/// </summary>
public sealed class FollowPagesTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_follows_an_article_from_its_page_sees_its_change_on_mijn_and_stops_following_there()
    {
        using var member = await SignedInAsync("lobby@kennishub.example");
        var article = await member.GetPageAsync("/kennis/proef-openbaar-artikel");
        var link = article.QuerySelector("main .kh-follow a")!.GetAttribute("href");
        link.ShouldBe("/volgen/kennis/proef-openbaar-artikel");

        var before = await member.GetPageAsync(link!);
        before.QuerySelector("main")!.TextContent.ShouldContain("U volgt dit kennisartikel nog niet.");
        using (var followed = await member.SubmitAsync(link!, new Dictionary<string, string>(), "main form[action*='handler=Volgen']"))
        {
            followed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            followed.Headers.Location!.OriginalString.ShouldBe("/volgen/kennis/proef-openbaar-artikel?melding=gevolgd");
        }

        var after = await member.GetPageAsync("/volgen/kennis/proef-openbaar-artikel?melding=gevolgd");
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("U volgt nu Proefartikel openbaar.");
        after.QuerySelector("main form[action*='handler=Ontvolgen']").ShouldNotBeNull();

        // The first visit looks back thirty days: the article imported at the start is a change.
        var mijn = await member.GetPageAsync("/mijn");
        Section(mijn, "veranderd-titel").ShouldContain("Proefartikel openbaar");
        Section(mijn, "volgt-titel").ShouldContain("Proefartikel openbaar");

        // A second visit later counts from the first: nothing changed since, until the article is saved again. (The
        // visit and the save are moved back in the database: moving the clock hours would end the idle session.)
        await ArticleSavedAsync(TimeSpan.FromHours(3));
        await PreviousVisitWasAsync(TimeSpan.FromHours(2));
        Section(await member.GetPageAsync("/mijn"), "veranderd-titel").ShouldContain("Er is niets veranderd");
        await ArticleSavedAsync(TimeSpan.FromMinutes(30));
        await PreviousVisitWasAsync(TimeSpan.FromHours(1));
        Section(await member.GetPageAsync("/mijn"), "veranderd-titel").ShouldContain("Proefartikel openbaar");

        var page = await member.GetPageAsync("/mijn");
        var stop = page.QuerySelectorAll("main form[action*='handler=Ontvolgen']").Single(f => f.ParentElement!.ParentElement!.TextContent.Contains("Proefartikel openbaar"));
        using (var stopped = await member.SubmitAsync(stop, new Dictionary<string, string>(), "/mijn"))
        {
            stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        Section(await member.GetPageAsync("/mijn?melding=ontvolgd"), "volgt-titel").ShouldNotContain("Proefartikel openbaar");
        await using var audit = await factory.CreateDb().OpenAsync(Ct);
        (await audit.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action IN ('follow.added', 'follow.removed')")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Following_a_theme_brings_its_articles_but_only_those_the_member_may_read()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        using (var followed = await member.SubmitAsync("/volgen/themas/proef-openbaar-thema", new Dictionary<string, string>(), "main form[action*='handler=Volgen']"))
        {
            followed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var changes = Section(await member.GetPageAsync("/mijn"), "veranderd-titel");
        changes.ShouldContain("Proefartikel voor netwerkleden");
        changes.ShouldContain("in thema Proefthema openbaar");
        changes.ShouldNotContain("Proefartikel voor het atelier");

        using var hidden = await member.GetAsync("/volgen/kennis/proef-atelierartikel");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_visitor_sees_no_follow_link_and_members_get_mijn_in_the_header()
    {
        using var visitor = SiteClient.Create(factory);
        (await visitor.GetPageAsync("/kennis/proef-openbaar-artikel")).QuerySelector(".kh-follow").ShouldBeNull();

        using var member = await SignedInAsync("atelier@kennishub.example");
        var page = await member.GetPageAsync("/kennis?trefwoord=beeldkwaliteit");
        page.QuerySelector("main .kh-follow a")!.GetAttribute("href").ShouldBe("/volgen/trefwoorden/beeldkwaliteit");
        page.QuerySelector("header a[href='/mijn']").ShouldNotBeNull();
        (await member.GetPageAsync("/organisaties/gemeente-kampen")).QuerySelector("main .kh-follow a")!.GetAttribute("href").ShouldBe("/volgen/organisaties/gemeente-kampen");
    }

    private async Task ArticleSavedAsync(TimeSpan ago)
    {
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        await connection.ExecuteAsync("UPDATE Articles SET UpdatedAt = @At WHERE Slug = 'proef-openbaar-artikel'", new { At = factory.Clock.GetUtcNow() - ago });
    }

    /// <summary>Moves every recorded Mijn KennisHub visit back by this much, as if the member had been away.</summary>
    private async Task PreviousVisitWasAsync(TimeSpan ago)
    {
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        await connection.ExecuteAsync("UPDATE MijnVisits SET LastVisitAt = @At, PreviousVisitAt = NULL", new { At = factory.Clock.GetUtcNow() - ago });
    }

    private async Task<SiteClient> SignedInAsync(string email)
    {
        var client = SiteClient.Create(factory);
        await client.SignInOrFailAsync(email, AccountFactory.DemoPassword);
        return client;
    }

    private static string Section(AngleSharp.Dom.IDocument page, string headingId)
        => page.QuerySelector($"section[aria-labelledby='{headingId}']")!.TextContent;
}
