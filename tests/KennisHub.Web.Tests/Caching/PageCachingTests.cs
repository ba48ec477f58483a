using System.Net;
using System.Net.Http.Headers;
using KennisHub.Web.Tests.Knowledge;

namespace KennisHub.Web.Tests.Caching;

/// <summary>Cache-Control, validators and 304s per kind of response, and what is never stored.</summary>
public sealed class PageCachingTests(KnowledgeFactory factory) : IClassFixture<KnowledgeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> PublicPages =>
    [
        "/",
        "/kennis",
        "/kennis?trefwoord=beeldkwaliteit",
        "/kennis/proef-openbaar-artikel",
        "/themas",
        "/themas/proef-openbaar-thema",
        "/organisaties",
        "/organisaties/gemeente-kampen",
        "/toegankelijkheid",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_for_a_visitor_is_shareable_with_validators_and_no_cookie(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        response.Headers.CacheControl.NoCache.ShouldBeTrue();
        response.Headers.ETag.ShouldNotBeNull().IsWeak.ShouldBeTrue();
        response.Content.Headers.LastModified.ShouldNotBeNull();
        response.Headers.Vary.ShouldContain("Accept-Language");
        response.Headers.Vary.ShouldContain("Cookie");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task The_second_visitor_gets_the_stored_page()
    {
        using var client = factory.CreateClient();

        using var first = await client.GetAsync("/kennis/proef-openbaar-artikel", Ct);
        using var second = await client.GetAsync("/kennis/proef-openbaar-artikel", Ct);

        // Age is written by the output cache only when it serves a stored response.
        second.Headers.Age.ShouldNotBeNull();
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_current_etag_or_date_gets_304_without_a_body_and_an_old_one_the_page()
    {
        using var client = factory.CreateClient();
        using var page = await client.GetAsync("/themas", Ct);
        var etag = page.Headers.ETag!;
        var lastModified = page.Content.Headers.LastModified!.Value;

        using var byTag = await SendAsync(client, "/themas", request => request.Headers.IfNoneMatch.Add(etag));
        byTag.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        byTag.Headers.ETag.ShouldBe(etag);
        byTag.Headers.CacheControl!.Public.ShouldBeTrue();
        (await byTag.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();

        using var byDate = await SendAsync(client, "/themas", request => request.Headers.IfModifiedSince = lastModified);
        byDate.StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var oldTag = await SendAsync(client, "/themas", request => request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"oud\"", isWeak: true)));
        oldTag.StatusCode.ShouldBe(HttpStatusCode.OK);

        // If-None-Match decides when both are sent (RFC 9110 13.1.3).
        using var both = await SendAsync(client, "/themas", request =>
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"oud\"", isWeak: true));
            request.Headers.IfModifiedSince = lastModified;
        });
        both.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_language_has_its_own_stored_page_and_etag()
    {
        using var client = factory.CreateClient();

        using var dutch = await client.GetAsync("/themas", Ct);
        using var english = await SendAsync(client, "/themas", request => request.Headers.AcceptLanguage.ParseAdd("en-GB"));

        (await english.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"en\"");
        (await dutch.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"nl\"");
        english.Headers.ETag.ShouldNotBe(dutch.Headers.ETag);
        using var dutchTagInEnglish = await SendAsync(client, "/themas", request =>
        {
            request.Headers.AcceptLanguage.ParseAdd("en-GB");
            request.Headers.IfNoneMatch.Add(dutch.Headers.ETag!);
        });
        dutchTagInEnglish.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_members_page_is_kept_on_the_server_for_their_role_only_and_leaves_private()
    {
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles("Netwerklid");
        using var otherMember = factory.CreateClientWithRoles("Netwerklid");
        using var atelier = factory.CreateClientWithRoles("Atelierlid", "Netwerklid");
        const string Url = "/kennis?ronde=leden";
        (await visitor.GetStringAsync(Url, Ct)).ShouldNotContain("Proefartikel voor netwerkleden");

        using var forMember = await member.GetAsync(Url, Ct);
        var memberHtml = await forMember.Content.ReadAsStringAsync(Ct);
        using var forOtherMember = await otherMember.GetAsync(Url, Ct);
        using var forAtelier = await atelier.GetAsync(Url, Ct);

        memberHtml.ShouldContain("Proefartikel voor netwerkleden");
        memberHtml.ShouldNotContain("Proefartikel voor het atelier");
        forMember.Headers.CacheControl!.Private.ShouldBeTrue();
        forMember.Headers.CacheControl.NoStore.ShouldBeTrue();
        forMember.Headers.ETag.ShouldBeNull();
        forMember.Headers.Age.ShouldBeNull();

        // Another member with the same roles gets the kept copy (Age says it came from the cache), still private.
        forOtherMember.Headers.Age.ShouldNotBeNull();
        forOtherMember.Headers.CacheControl!.Private.ShouldBeTrue();
        (await forOtherMember.Content.ReadAsStringAsync(Ct)).ShouldBe(memberHtml);

        // Other roles, other copy: the atelier member sees the atelier's article, the visitor neither.
        forAtelier.Headers.Age.ShouldBeNull();
        (await forAtelier.Content.ReadAsStringAsync(Ct)).ShouldContain("Proefartikel voor het atelier");
        var afterwards = await visitor.GetStringAsync(Url, Ct);
        afterwards.ShouldNotContain("Proefartikel voor netwerkleden");
        afterwards.ShouldNotContain("Proef</span>");

        // The item pages too: they read a save's status line only when the browser carries one (SaveStatus), so an
        // ordinary visit sets no cookie and its page is kept.
        foreach (var item in new[] { "/kennis/proef-openbaar-artikel?ronde=leden", "/themas/proef-openbaar-thema?ronde=leden" })
        {
            using var first = await member.GetAsync(item, Ct);
            first.Headers.Contains("Set-Cookie").ShouldBeFalse(item);
            using var second = await otherMember.GetAsync(item, Ct);
            second.Headers.Age.ShouldNotBeNull(item);
        }
    }

    [Theory]
    [InlineData("/kennis/bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("/kennis/proef-netwerkartikel", HttpStatusCode.NotFound)]
    [InlineData("/bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("/account/inloggen", HttpStatusCode.OK)]
    [InlineData("/taal", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Error_pages_forms_and_everything_else_are_never_stored(string url, HttpStatusCode status)
    {
        using var client = factory.CreateClient();

        using var first = await client.GetAsync(url, Ct);
        using var second = await client.GetAsync(url, Ct);

        second.StatusCode.ShouldBe(status);
        second.Headers.CacheControl!.NoStore.ShouldBeTrue();
        second.Headers.CacheControl.Public.ShouldBeFalse();
        second.Headers.ETag.ShouldBeNull();
        second.Headers.Age.ShouldBeNull();
    }

    [Fact]
    public async Task Choosing_a_language_is_never_stored_and_the_chosen_page_is_cached_in_that_language()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        using var choice = await client.GetAsync("/taal?culture=en&returnUrl=%2Fthemas", Ct);
        choice.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        choice.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var cookie = choice.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        using var english = await SendAsync(client, "/themas", request => request.Headers.Add("Cookie", cookie));
        (await english.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"en\"");
        english.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Public_pages_are_compressed_and_pages_with_a_form_token_are_not()
    {
        using var client = factory.CreateClient();

        using var page = await SendAsync(client, "/kennis", request => request.Headers.AcceptEncoding.ParseAdd("br"));
        using var form = await SendAsync(client, "/account/inloggen", request => request.Headers.AcceptEncoding.ParseAdd("br"));
        using var member = factory.CreateClientWithRoles("Netwerklid");
        using var signedIn = await SendAsync(member, "/kennis", request => request.Headers.AcceptEncoding.ParseAdd("br"));

        page.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        page.Headers.Vary.ShouldContain("Accept-Encoding");
        form.Content.Headers.ContentEncoding.ShouldBeEmpty();
        signedIn.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    [Fact]
    public async Task Stylesheets_have_fingerprinted_addresses_that_are_immutable_and_precompressed()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/", Ct);
        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, Ct);
        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!).ToList();

        stylesheets.ShouldNotBeEmpty();
        foreach (var href in stylesheets)
        {
            href.ShouldMatch(@"\.[a-z0-9]{10}\.css$", $"{href} heeft een vingerafdruk");
            using var response = await SendAsync(client, href, request => request.Headers.AcceptEncoding.ParseAdd("br, gzip"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, href);
            response.Headers.CacheControl!.ToString().ShouldContain("immutable", Case.Insensitive, href);
            response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
            // A build precompresses with gzip; `dotnet publish` adds Brotli, which then wins.
            response.Content.Headers.ContentEncoding.Single().ShouldBeOneOf("br", "gzip");
            (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe((int)response.Content.Headers.ContentLength!.Value, href);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return await client.SendAsync(request, Ct);
    }
}
