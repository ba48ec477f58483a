using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using KennisHub.Web.Tests.Infrastructure;
using KennisHub.Web.Tests.Security;

namespace KennisHub.Web.Tests.Feeds;

/// <summary>
/// The Atom feeds over HTTP: the open feed carries public articles only, whoever asks; a personal feed address carries
/// what its owner may read, until it is replaced or revoked; pages advertise the feed of what they list.
/// </summary>
public sealed class FeedPagesTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_open_feed_is_atom_with_public_articles_only_also_for_a_signed_in_atelier_member()
    {
        using var atelier = SiteClient.Create(factory);
        await atelier.SignInOrFailAsync("atelier@kennishub.example", AccountFactory.DemoPassword);

        foreach (var client in new[] { SiteClient.Create(factory), atelier })
        {
            var feed = await FeedAsync(client, "/feeds/kennis");
            var links = Links(feed);
            links.ShouldContain("https://localhost/kennis/proef-openbaar-artikel");
            links.ShouldNotContain("https://localhost/kennis/proef-netwerkartikel");
            links.ShouldNotContain("https://localhost/kennis/proef-atelierartikel");
        }
    }

    [Fact]
    public async Task The_open_feed_is_kept_like_a_public_page_and_a_personal_one_never()
    {
        using var visitor = SiteClient.Create(factory);
        using var first = await visitor.GetAsync("/feeds/kennis");
        first.Headers.ETag.ShouldNotBeNull();
        first.Headers.CacheControl!.Public.ShouldBeTrue();

        using var again = new HttpRequestMessage(HttpMethod.Get, "/feeds/kennis");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await visitor.Http.SendAsync(again, Ct);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var atelier = SiteClient.Create(factory);
        await atelier.SignInOrFailAsync("atelier@kennishub.example", AccountFactory.DemoPassword);
        var personal = await MakeAsync(atelier);
        using var personalFeed = await visitor.GetAsync(personal.PathAndQuery);
        personalFeed.StatusCode.ShouldBe(HttpStatusCode.OK);
        personalFeed.Headers.ETag.ShouldBeNull();
        personalFeed.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task A_theme_or_keyword_feed_lists_that_list_and_an_unknown_or_hidden_theme_is_not_found()
    {
        using var visitor = SiteClient.Create(factory);
        var theme = await FeedAsync(visitor, "/feeds/kennis?thema=proef-openbaar-thema");
        theme.Title.Text.ShouldContain("Proefthema", Case.Insensitive);
        Links(theme).ShouldBe(["https://localhost/kennis/proef-openbaar-artikel"]);

        var keyword = await FeedAsync(visitor, "/feeds/kennis?trefwoord=beheerplan");
        Links(keyword).ShouldBe(["https://localhost/kennis/proef-openbaar-artikel"]);
        Links(await FeedAsync(visitor, "/feeds/kennis?trefwoord=wijkgericht-werken")).ShouldBeEmpty("the keyword's only article is for network members");

        using var atelier = SiteClient.Create(factory);
        await atelier.SignInOrFailAsync("atelier@kennishub.example", AccountFactory.DemoPassword);
        foreach (var address in new[] { "/feeds/kennis?thema=proef-atelierthema", "/feeds/kennis?thema=bestaat-niet", "/feeds/kennis?trefwoord=bestaat-niet" })
        {
            using var response = await atelier.GetAsync(address);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
        }
    }

    [Fact]
    public async Task A_personal_feed_carries_what_its_owner_may_read_until_it_is_replaced_or_revoked()
    {
        using var atelier = SiteClient.Create(factory);
        await atelier.SignInOrFailAsync("atelier@kennishub.example", AccountFactory.DemoPassword);
        (await atelier.GetPageAsync("/account/profiel")).QuerySelector("main a[href='/account/feed']").ShouldNotBeNull();

        var first = await MakeAsync(atelier);
        using var feedReader = SiteClient.Create(factory);
        var feed = await FeedAsync(feedReader, first.PathAndQuery);
        Links(feed).ShouldContain("https://localhost/kennis/proef-atelierartikel");
        Links(feed).ShouldContain("https://localhost/kennis/proef-netwerkartikel");
        feed.Id.ShouldNotContain(first.Segments[^1], Case.Sensitive, "the feed's id never carries the secret");
        Links(await FeedAsync(feedReader, first.PathAndQuery + "?thema=proef-atelierthema")).ShouldBe(["https://localhost/kennis/proef-atelierartikel"]);

        // The page shows the address once; afterwards it only says since when there is one.
        var later = await atelier.GetPageAsync("/account/feed");
        later.QuerySelector("main")!.TextContent.ShouldNotContain(first.Segments[^1]);
        later.QuerySelector("main")!.TextContent.ShouldContain("sinds");

        var second = await MakeAsync(atelier);
        second.ShouldNotBe(first);
        using (var old = await feedReader.GetAsync(first.PathAndQuery))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        Links(await FeedAsync(feedReader, second.PathAndQuery)).ShouldContain("https://localhost/kennis/proef-atelierartikel");

        using (var revoked = await atelier.SubmitAsync("/account/feed", new Dictionary<string, string>(), "main form[action*='handler=Intrekken']"))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await SiteClient.ParseAsync(revoked)).QuerySelector("[role=status]")!.TextContent.ShouldContain("ingetrokken");
        }

        using var gone = await feedReader.GetAsync(second.PathAndQuery);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_advertise_the_feed_of_what_they_list_and_a_members_theme_advertises_no_open_feed()
    {
        using var visitor = SiteClient.Create(factory);
        string? Alternate(AngleSharp.Dom.IDocument page) => page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href");

        Alternate(await visitor.GetPageAsync("/")).ShouldBe("/feeds/kennis");
        Alternate(await visitor.GetPageAsync("/kennis?trefwoord=beheerplan")).ShouldBe("/feeds/kennis?trefwoord=beheerplan");
        var theme = await visitor.GetPageAsync("/themas/proef-openbaar-thema");
        Alternate(theme).ShouldBe("/feeds/kennis?thema=proef-openbaar-thema");
        theme.QuerySelector("main a[type='application/atom+xml']")!.GetAttribute("href").ShouldBe("/feeds/kennis?thema=proef-openbaar-thema");

        using var atelier = SiteClient.Create(factory);
        await atelier.SignInOrFailAsync("atelier@kennishub.example", AccountFactory.DemoPassword);
        var hidden = await atelier.GetPageAsync("/themas/proef-atelierthema");
        Alternate(hidden).ShouldBe("/feeds/kennis");
        hidden.QuerySelector("main a[type='application/atom+xml']").ShouldBeNull();
    }

    /// <summary>Posts the feed page's "make" form (first or replacing) and returns the address the answer shows.</summary>
    private static async Task<Uri> MakeAsync(SiteClient client)
    {
        var page = await client.GetPageAsync("/account/feed");
        var form = page.QuerySelector("main form[action*='handler=Maken']")!;
        using var response = await client.SubmitAsync(form, new Dictionary<string, string>(), "/account/feed");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var answer = await SiteClient.ParseAsync(response);
        return new Uri(answer.QuerySelector("input#feedadres")!.GetAttribute("value")!);
    }

    private static async Task<SyndicationFeed> FeedAsync(SiteClient client, string address)
    {
        using var response = await client.GetAsync(address);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, address);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
        return SyndicationFeed.Load(xml);
    }

    private static List<string> Links(SyndicationFeed feed)
        => feed.Items.SelectMany(i => i.Links).Where(l => l.RelationshipType is null or "alternate").Select(l => l.Uri.AbsoluteUri).ToList();
}
