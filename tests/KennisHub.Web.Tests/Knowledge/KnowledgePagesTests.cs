using System.Net;
using AngleSharp.Html.Parser;
using KennisHub.Core.Content;
using KennisHub.Core.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Knowledge;

public sealed class KnowledgePagesTests(KnowledgeFactory factory) : IClassFixture<KnowledgeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/themas")]
    [InlineData("/themas/proef-openbaar-thema")]
    [InlineData("/kennis")]
    [InlineData("/kennis?thema=proef-openbaar-thema")]
    [InlineData("/kennis?trefwoord=beeldkwaliteit")]
    [InlineData("/kennis?pagina=1")]
    [InlineData("/kennis/proef-openbaar-artikel")]
    [InlineData("/organisaties")]
    [InlineData("/organisaties?soort=Municipality&provincie=Overijssel")]
    [InlineData("/organisaties?soort=network")]
    [InlineData("/organisaties/gemeente-kampen")]
    [InlineData("/organisaties/proef-netwerk")]
    public async Task Knowledge_pages_answer_200_in_Dutch(string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"nl\"");
    }

    [Fact]
    public async Task The_home_page_shows_recent_public_themes_and_articles_only()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/", Ct);

        html.ShouldContain("Proefthema openbaar");
        html.ShouldContain("Proefartikel openbaar");
        html.ShouldNotContain("Proefartikel voor netwerkleden");
        html.ShouldNotContain("Proefthema atelier");
    }

    [Fact]
    public async Task An_article_page_shows_the_rendered_text_and_its_metadata()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/kennis/proef-openbaar-artikel", Ct);
        var document = new HtmlParser().ParseDocument(html);

        document.QuerySelector("h1")!.TextContent.ShouldBe("Proefartikel openbaar");
        var body = document.QuerySelector("div.utrecht-html").ShouldNotBeNull();
        body.QuerySelector("h2#kop-inleiding").ShouldNotBeNull();
        body.QuerySelector("strong")!.TextContent.ShouldBe("CROW-systematiek");
        var metadata = document.QuerySelector("aside.metadata dl").ShouldNotBeNull().TextContent;
        metadata.ShouldContain("Bron");
        metadata.ShouldContain("Proefnetwerk Beheer");
        metadata.ShouldContain("Redactie KennisHub");
        metadata.ShouldContain("Proefthema openbaar");
        metadata.ShouldContain("beheerplan");
        metadata.ShouldContain("Versie");
        metadata.ShouldContain("Bijgewerkt op");
        metadata.ShouldContain("Geschreven op");
        document.QuerySelector("time")!.GetAttribute("datetime")!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        document.QuerySelector("aside.metadata time[datetime='2024-05-01']")!.TextContent.ShouldBe("1 mei 2024");
    }

    [Fact]
    public async Task An_article_with_a_heading_inhoud_leaves_the_id_inhoud_to_the_skip_links_target()
    {
        var slug = "inhoud-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", slug);
        Directory.CreateDirectory(Path.Combine(folder, "kennis"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "kennis", slug + ".md"),
                $"---\nslug: {slug}\ntitle: Artikel met inhoudsopgave\nsummary: Kort.\nvisibility: Public\n---\n## Inhoud\n\nTekst.[^1]\n\n[^1]: Noot.\n", Ct);
            (await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(folder, null, Ct)).New.ShouldBe(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        using var client = factory.CreateClient();
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/kennis/" + slug, Ct));

        document.QuerySelectorAll("[id='inhoud']").Select(element => element.LocalName).ShouldBe(["main"]);
        var body = document.QuerySelector("div.utrecht-html").ShouldNotBeNull();
        body.QuerySelector("h2")!.Id.ShouldBe("kop-inhoud");
        body.QuerySelectorAll("[id]").ShouldAllBe(element => element.Id!.StartsWith("kop-") || element.Id!.StartsWith("noot-"));
    }

    [Fact]
    public async Task A_network_article_is_404_for_a_visitor_and_200_for_a_signed_in_member()
    {
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);

        var forVisitor = await visitor.GetAsync("/kennis/proef-netwerkartikel", Ct);
        var forMember = await member.GetAsync("/kennis/proef-netwerkartikel", Ct);

        forVisitor.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await forVisitor.Content.ReadAsStringAsync(Ct)).ShouldContain("Pagina niet gevonden");
        forMember.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await forMember.Content.ReadAsStringAsync(Ct)).ShouldContain("Proefartikel voor netwerkleden");
    }

    [Fact]
    public async Task An_atelier_theme_is_404_for_a_network_member_and_200_for_an_atelier_member()
    {
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);
        using var atelier = factory.CreateClientWithRoles(RoleNames.NetworkMember, RoleNames.AtelierMember);

        (await member.GetAsync("/themas/proef-atelierthema", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await atelier.GetAsync("/themas/proef-atelierthema", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetStringAsync("/kennis", Ct)).ShouldNotContain("Proefartikel voor het atelier");
        (await atelier.GetStringAsync("/kennis", Ct)).ShouldContain("Proefartikel voor het atelier");
    }

    [Theory]
    [InlineData("/kennis/bestaat-niet")]
    [InlineData("/kennis/Hoofd%20Letters%20%3Cscript%3E")]
    [InlineData("/themas/bestaat-niet")]
    [InlineData("/organisaties/bestaat-niet")]
    [InlineData("/kennis?pagina=999")]
    [InlineData("/organisaties?pagina=999")]
    public async Task Unknown_slugs_and_pages_past_the_end_are_404_in_Dutch(string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Pagina niet gevonden");
    }

    [Theory]
    [InlineData("/kennis?pagina=abc", "paginanummer 'abc' is ongeldig")]
    [InlineData("/kennis?pagina=0", "paginanummer '0' is ongeldig")]
    [InlineData("/kennis?pagina=-1", "paginanummer '-1' is ongeldig")]
    [InlineData("/kennis?pagina=99999999999", "is ongeldig")]
    [InlineData("/kennis?pagina=2147483647", "is ongeldig")]
    [InlineData("/kennis?pagina=%201", "is ongeldig")]
    [InlineData("/kennis?thema=bestaat-niet", "Het thema 'bestaat-niet' bestaat niet")]
    [InlineData("/kennis?thema=proef-atelierthema", "Het thema 'proef-atelierthema' bestaat niet")]
    [InlineData("/kennis?trefwoord=onbekend", "Het trefwoord 'onbekend' bestaat niet")]
    [InlineData("/organisaties?soort=Vereniging", "De soort organisatie 'Vereniging' bestaat niet")]
    [InlineData("/organisaties?soort=1", "De soort organisatie '1' bestaat niet")]
    [InlineData("/organisaties?provincie=Atlantis", "De provincie 'Atlantis' komt niet voor")]
    [InlineData("/organisaties?pagina=x", "paginanummer 'x' is ongeldig")]
    public async Task Bad_filters_and_page_numbers_are_400_with_a_Dutch_message(string url, string message)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        document.QuerySelector("[role=alert]").ShouldNotBeNull().TextContent.ShouldContain(message);
    }

    [Fact]
    public async Task The_theme_filter_lists_only_that_themes_visible_articles()
    {
        using var client = factory.CreateClient();
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/kennis?thema=proef-openbaar-thema", Ct));

        var titles = document.QuerySelectorAll(".kh-card-list h2").Select(h => h.TextContent.Trim()).ToList();
        titles.ShouldBe(["Proefartikel openbaar"]);
    }

    [Fact]
    public async Task Organisations_filter_by_kind_and_province()
    {
        using var client = factory.CreateClient();
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/organisaties?soort=Municipality&provincie=Overijssel", Ct));

        document.QuerySelectorAll(".organisation-list a").Select(a => a.TextContent).ShouldBe(["Kampen"]);
        document.QuerySelector("#soort option[selected]")!.GetAttribute("value").ShouldBe("Municipality");
        document.QuerySelector("label[for=provincie]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_municipality_page_shows_its_CBS_data_and_the_articles_a_member_may_see()
    {
        using var visitor = factory.CreateClient();
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);

        var forVisitor = await visitor.GetStringAsync("/organisaties/gemeente-kampen", Ct);
        var forMember = await member.GetStringAsync("/organisaties/gemeente-kampen", Ct);

        forVisitor.ShouldContain("GM0166");
        forVisitor.ShouldContain("55.000");
        forVisitor.ShouldContain("Bron: CBS");
        forVisitor.ShouldNotContain("Proefartikel voor netwerkleden");
        forMember.ShouldContain("Proefartikel voor netwerkleden");
    }

    [Fact]
    public async Task The_theme_filter_offers_only_themes_the_reader_may_see()
    {
        using var visitor = factory.CreateClient();
        using var atelier = factory.CreateClientWithRoles(RoleNames.AtelierMember);

        var forVisitor = new HtmlParser().ParseDocument(await visitor.GetStringAsync("/kennis", Ct));
        var forAtelier = new HtmlParser().ParseDocument(await atelier.GetStringAsync("/kennis", Ct));

        forVisitor.QuerySelector("label[for=thema]").ShouldNotBeNull();
        forVisitor.QuerySelectorAll("#thema option").Select(o => o.GetAttribute("value")).ShouldNotContain("proef-atelierthema");
        forVisitor.QuerySelectorAll("#thema option").Select(o => o.GetAttribute("value")).ShouldContain("proef-openbaar-thema");
        forAtelier.QuerySelectorAll("#thema option").Select(o => o.GetAttribute("value")).ShouldContain("proef-atelierthema");
    }

    [Fact]
    public async Task The_knowledge_pages_speak_English_when_asked()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/kennis/proef-openbaar-artikel?culture=en&ui-culture=en", Ct);

        html.ShouldContain("About this knowledge article");
        html.ShouldContain("Updated on");
    }

    /// <summary>
    /// Round trips per page, counted at the data seam (SeamConnection's DiagnosticListener, this host's Db only):
    /// the same small number with the fixture's handful of articles and with 130 more (seven pages of /kennis, a theme
    /// and an organisation with more articles than a page), so no page queries per item (no N+1). A visitor's request
    /// also reads the content version once (the output cache's check, see ARCHITECTURE "Caching"); each pass adds its
    /// own query value so the pages are rendered, not served from the cache.
    /// </summary>
    [Fact]
    public async Task Each_knowledge_page_makes_the_same_few_round_trips_whatever_the_number_of_articles()
    {
        (string Url, int RoundTrips)[] pages =
        [
            ("/", 2),                                          // recent themes, recent articles
            ("/kennis", 2),                                    // the themes of the filter, one page of articles
            ("/kennis?thema=proef-openbaar-thema&pagina=1", 3), // ... plus the chosen theme (it may not be in the filter)
            ("/themas", 1),
            ("/themas/proef-openbaar-thema", 4),               // the theme with its keywords, a page of its articles, its links
                                                               // (titles of its link targets and "Verwijst hierheen" in one
                                                               // batch), its attachments
            ("/organisaties/gemeente-kampen", 3),              // the organisation, the networks it is in, a page of its articles
            ("/kennis/proef-openbaar-artikel", 3),             // the article with its body, themes and keywords; its links;
                                                               // its attachments
        ];
        var db = factory.Services.GetRequiredService<KennisHub.Core.Data.Db>();
        using var client = factory.CreateClient();

        const int ContentVersionRead = 1;
        var few = await RoundTripsAsync(client, db, pages.Select(p => WithPass(p.Url, "weinig")));
        var added = await AddArticlesAsync(db, 130);
        try
        {
            var many = await RoundTripsAsync(client, db, pages.Select(p => WithPass(p.Url, "veel")));
            (await client.GetStringAsync("/kennis?pagina=7", Ct)).ShouldContain("rel=\"prev\"");

            few.ShouldBe(pages.Select(p => p.RoundTrips + ContentVersionRead), "rondgangen per pagina met weinig artikelen: " + string.Join(", ", few));
            many.ShouldBe(few, "rondgangen per pagina met veel artikelen: " + string.Join(", ", many));
        }
        finally
        {
            await using var connection = await db.OpenAsync(Ct);
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM Articles WHERE Id IN @Ids", new { Ids = added });
        }
    }

    [Fact]
    public async Task The_theme_filter_offers_the_most_recent_themes_links_to_all_of_them_and_still_filters_by_any()
    {
        const string Sql = """
            INSERT INTO Themes (Id, Slug, Title, Summary, Visibility, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Title, 'Gegenereerd voor het filter.', 'Public', @UpdatedAt, @UpdatedAt);
            INSERT INTO ThemeBodies (ThemeId, BodyMarkdown, BodyHtml, BodyText) VALUES (@Id, 'Tekst.', '<p>Tekst.</p>', 'Tekst.');
            """;
        var db = factory.Services.GetRequiredService<KennisHub.Core.Data.Db>();
        var added = Enumerable.Range(0, Pages.Kennis.IndexModel.FilterThemeCount + 5).Select(_ => Guid.NewGuid()).ToList();
        await using (var connection = await db.OpenAsync(Ct))
        {
            foreach (var (id, i) in added.Select((id, i) => (id, i)))
            {
                await Dapper.SqlMapper.ExecuteAsync(connection, Sql, new
                {
                    Id = id, Slug = $"filterthema-{i:D2}", Title = $"Filterthema {i:D2}", UpdatedAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                });
            }
        }

        try
        {
            using var client = factory.CreateClient();
            // A query value of its own, so the visitor's cached page from another test is not what comes back.
            var list = new HtmlParser().ParseDocument(await client.GetStringAsync("/kennis?ronde=filter", Ct));
            var offered = list.QuerySelectorAll("#thema option").Select(o => o.GetAttribute("value")).Where(v => v != string.Empty).ToList();
            offered.Count.ShouldBe(Pages.Kennis.IndexModel.FilterThemeCount);
            offered.ShouldNotContain("filterthema-00");      // the oldest of the new ones falls out
            offered.ShouldNotContain("proef-openbaar-thema");
            offered.ShouldContain("filterthema-44");
            list.QuerySelector("#thema")!.GetAttribute("aria-describedby").ShouldBe("thema-meer");
            list.QuerySelector("#thema-meer a")!.GetAttribute("href").ShouldBe("/themas");

            var filtered = new HtmlParser().ParseDocument(await client.GetStringAsync("/kennis?thema=proef-openbaar-thema&ronde=filter", Ct));
            filtered.QuerySelector("#thema option[selected]")!.GetAttribute("value").ShouldBe("proef-openbaar-thema");
            filtered.QuerySelectorAll("#thema option").Length.ShouldBe(Pages.Kennis.IndexModel.FilterThemeCount + 2);
        }
        finally
        {
            await using var connection = await db.OpenAsync(Ct);
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM Themes WHERE Id IN @Ids", new { Ids = added });
        }
    }

    private static string WithPass(string url, string pass) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "ronde=" + pass;

    private static async Task<List<int>> RoundTripsAsync(HttpClient client, KennisHub.Core.Data.Db db, IEnumerable<string> urls)
    {
        var counts = new List<int>();
        foreach (var url in urls)
        {
            var count = 0;
            using (KennisHub.Core.Data.SeamConnection.Diagnostics.Subscribe(new CommandObserver(db, () => Interlocked.Increment(ref count))))
            {
                var response = await client.GetAsync(url, Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }

            counts.Add(count);
        }

        return counts;
    }

    /// <summary>Public articles older than the fixture's, in the open theme and of gemeente Kampen.</summary>
    private static async Task<List<Guid>> AddArticlesAsync(KennisHub.Core.Data.Db db, int count)
    {
        const string Sql = """
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, OrganisationId, AuthorName, CreatedAt, UpdatedAt)
            SELECT @Id, @Slug, @Title, 'Gegenereerd voor de telling.', 'Public', o.Id, 'Proef', @UpdatedAt, @UpdatedAt
            FROM Organisations o WHERE o.Slug = 'gemeente-kampen';
            INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText) VALUES (@Id, 'Tekst.', '<p>Tekst.</p>', 'Tekst.');
            INSERT INTO ArticleThemes (ArticleId, ThemeId) SELECT @Id, t.Id FROM Themes t WHERE t.Slug = 'proef-openbaar-thema';
            """;
        var ids = new List<Guid>();
        await using var connection = await db.OpenAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await Dapper.SqlMapper.ExecuteAsync(connection, Sql, new
            {
                Id = id, Slug = $"telling-{i:D3}-{id:N}", Title = $"Telartikel {i}", UpdatedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
            });
        }

        return ids;
    }

    private sealed class CommandObserver(KennisHub.Core.Data.Db db, Action counted) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is KennisHub.Core.Data.SeamCommandEvent command && ReferenceEquals(command.Db, db))
            {
                counted();
            }
        }
    }
}
