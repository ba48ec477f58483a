using System.Net;
using AngleSharp.Dom;
using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Network;
using KennisHub.Tests.Shared;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Network;

/// <summary>Network relations over HTTP: the network's contact person adds and ends members; the lists and /netwerk show them.</summary>
public sealed partial class MembershipPagesTests
{
    private const string TestNetwork = "proef-netwerk";

    [Fact]
    public async Task A_networks_contact_person_adds_a_member_with_Dutch_errors_that_keep_the_typed_text_and_ends_it_again()
    {
        var (contact, _) = await ContactPersonAsync(TestNetwork, "Netwerk Contact");
        var page = $"/organisaties/{TestNetwork}/netwerkleden";

        using (var unknown = await contact.SubmitAsync(page, new Dictionary<string, string> { ["Form.Organisatie"] = "Gemeente Nergensdorp", ["Form.Sinds"] = "2999-01-01", ["Form.Bron"] = "eigen lijst" }))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
            var form = await SiteClient.ParseAsync(unknown);
            var errors = form.QuerySelector(".kh-error-summary")!.TextContent;
            errors.ShouldContain("Er is geen organisatie met de naam of slug \"Gemeente Nergensdorp\"");
            errors.ShouldContain("mag niet in de toekomst liggen");
            form.QuerySelector("input[name='Form.Organisatie']")!.GetAttribute("value").ShouldBe("Gemeente Nergensdorp");
            form.QuerySelector("input[name='Form.Bron']")!.GetAttribute("value").ShouldBe("eigen lijst");
        }

        using (var bad = await contact.SubmitAsync(page, new Dictionary<string, string> { ["Form.Organisatie"] = "", ["Form.Sinds"] = "1-3-2021" }))
        {
            var errors = (await SiteClient.ParseAsync(bad)).QuerySelector(".kh-error-summary")!.TextContent;
            errors.ShouldContain("Vul de naam of slug van een organisatie in.");
            errors.ShouldContain("bijvoorbeeld 2021-03-01");
        }

        using (var added = await contact.SubmitAsync(page, new Dictionary<string, string> { ["Form.Organisatie"] = "Kampen", ["Form.Sinds"] = "2021-03-01", ["Form.Bron"] = "jaarverslag" }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            added.Headers.Location!.OriginalString.ShouldBe($"{page}?melding=toegevoegd");
        }

        using (var twice = await contact.SubmitAsync(page, new Dictionary<string, string> { ["Form.Organisatie"] = "gemeente-kampen" }))
        {
            (await SiteClient.ParseAsync(twice)).QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("al lid van dit netwerk");
        }

        // Both lists show it, with the since-date as a calendar day.
        var visitor = SiteClient.Create(factory);
        var networkPage = await visitor.GetPageAsync($"/organisaties/{TestNetwork}");
        var row = networkPage.QuerySelectorAll("section[aria-labelledby=netwerk-leden] tbody tr").Single(r => r.TextContent.Contains("Kampen", StringComparison.Ordinal));
        row.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2021-03-01");
        row.QuerySelector("td[data-label='Lid sinds']")!.TextContent.Trim().ShouldBe("1 maart 2021");
        var memberPage = await visitor.GetPageAsync($"/organisaties/{Kampen}");
        memberPage.QuerySelector($"section[aria-labelledby=organisatie-netwerken] a[href='/organisaties/{TestNetwork}']").ShouldNotBeNull();

        var end = (await contact.GetPageAsync(page)).QuerySelectorAll("form[action*='handler=Beeindigen']")
            .Single(f => f.ParentElement!.ParentElement!.TextContent.Contains("Kampen", StringComparison.Ordinal));
        using (var ended = await contact.SubmitAsync(end, new Dictionary<string, string>(), page))
        {
            ended.Headers.Location!.OriginalString.ShouldBe($"{page}?melding=beeindigd");
        }

        // Other tests of this class may put Kampen in other networks: only this network must be gone from its page.
        (await visitor.GetPageAsync($"/organisaties/{Kampen}")).QuerySelector($"section[aria-labelledby=organisatie-netwerken] a[href='/organisaties/{TestNetwork}']").ShouldBeNull();
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE Action IN ('network.relation.added', 'network.relation.ended') AND ActorName = 'Netwerk Contact'")).ShouldBe(2);
    }

    [Fact]
    public async Task An_end_form_cannot_reach_a_relation_of_another_network()
    {
        var (contact, _) = await ContactPersonAsync(TestNetwork, "Netwerk Contact Twee");
        var (other, kampen) = await OtherNetworkWithKampenAsync();

        var page = $"/organisaties/{TestNetwork}/netwerkleden";
        var token = (await contact.GetPageAsync(page)).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Lid"] = kampen.ToString(),
        });
        using var response = await contact.Http.PostAsync(page + "?handler=Beeindigen", content, Ct);

        (await SiteClient.ParseAsync(response)).QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("geen lid (meer) van dit netwerk");
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM NetworkMemberships WHERE NetworkId = @other AND MemberId = @kampen AND EndedAt IS NULL", new { other, kampen })).ShouldBe(1);
    }

    [Fact]
    public async Task The_network_page_draws_the_overlap_as_an_accessible_svg_with_a_table_saying_the_same()
    {
        // Organisations in a province of their own, so the filter isolates this test's picture in the shared database.
        var province = "Proefprovincie " + Guid.NewGuid().ToString("N")[..6];
        var a = await OrganisationAsync("Netwerk A", "Network", null);
        var b = await OrganisationAsync("Netwerk B", "Network", null);
        var members = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await OrganisationAsync("Lid " + i, "Municipality", province));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var writes = scope.ServiceProvider.GetRequiredService<NetworkWrites>();
            var actor = new Actor(Guid.NewGuid(), "Test");
            foreach (var member in members)
            {
                await writes.AddAsync(a, member, null, null, actor, Ct);
            }

            await writes.AddAsync(b, members[0], null, null, actor, Ct);
            await writes.AddAsync(b, members[1], null, null, actor, Ct);
        }

        var page = await SiteClient.Create(factory).GetPageAsync("/netwerk?provincie=" + Uri.EscapeDataString(province) + "&soort=Municipality");

        page.QuerySelector("select[name=provincie] option[selected]")!.GetAttribute("value").ShouldBe(province);
        var svg = page.QuerySelector("main svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        var labelled = svg.GetAttribute("aria-labelledby")!.Split(' ');
        page.GetElementById(labelled[0])!.LocalName.ShouldBe("title");
        page.GetElementById(labelled[1])!.TextContent.ShouldContain("5 organisaties in 2 netwerken, verdeeld over 2 combinaties");
        svg.QuerySelectorAll(".kh-upset__bar").Length.ShouldBe(2);
        svg.QuerySelectorAll(".kh-upset__count").Select(t => t.TextContent).ShouldBe(["3", "2"]);
        svg.QuerySelectorAll(".kh-upset__dot--in").Length.ShouldBe(1 + 2);
        svg.QuerySelectorAll(".kh-upset__dot").Length.ShouldBe(2 * 2);

        var table = page.QuerySelector("main table")!;
        table.QuerySelector("caption").ShouldNotBeNull();
        table.QuerySelectorAll("thead th").ShouldAllBe(th => th.GetAttribute("scope") == "col");
        var rows = table.QuerySelectorAll("tbody tr").Select(r => Cells(r)).ToList();
        rows.ShouldBe([
            ["Netwerk A-" + Suffix(a), "3", "lid", "geen lid"],
            ["Netwerk A-" + Suffix(a) + " + Netwerk B-" + Suffix(b), "2", "lid", "lid"],
        ]);
        table.QuerySelectorAll("tbody th").ShouldAllBe(th => th.GetAttribute("scope") == "row");

        using var bad = await SiteClient.Create(factory).GetAsync("/netwerk?provincie=Atlantis");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SiteClient.ParseAsync(bad)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Atlantis");

        static string[] Cells(IElement row) => row.Children.Take(4).Select(c => c.TextContent.Trim()).ToArray();
    }

    [Fact]
    public async Task The_source_field_shows_the_attack_corpus_as_text()
    {
        // A network of its own: the members it collects would push other tests' rows onto a later page.
        var network = await OrganisationAsync("Aanvalsnetwerk", "Network", null);
        var (contact, _) = await ContactPersonAsync("proef-" + Suffix(network), "Netwerk Contact Aanval");
        var scripts = (await contact.GetPageAsync("/")).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet();
        var failures = new List<string>();
        var page = $"/organisaties/proef-{Suffix(network)}/netwerkleden";
        foreach (var attack in AttackCorpus.All.Where(a => a.Trim().Length is > 0 and <= NetworkWrites.MaxSource))
        {
            // Typed back after an error (unknown organisation), and stored and listed after a real add.
            using (var kept = await contact.SubmitAsync(page, new Dictionary<string, string> { ["Form.Organisatie"] = attack.Length <= 200 ? attack : "x", ["Form.Bron"] = attack }))
            {
                failures.AddRange(HtmlSafety.Problems((await SiteClient.ParseAsync(kept)).DocumentElement, scripts).Select(p => $"fout {attack}: {p}"));
            }

            var member = await OrganisationAsync("Aanvalslid", "Consultancy", null);
            (await contact.SubmitAsync(page, new Dictionary<string, string> { ["Form.Organisatie"] = "proef-" + Suffix(member), ["Form.Bron"] = attack })).Dispose();
            var list = await contact.GetPageAsync(page);
            failures.AddRange(HtmlSafety.Problems(list.DocumentElement, scripts).Select(p => $"lijst {attack}: {p}"));
        }

        failures.ShouldBeEmpty();
    }

    private static string Suffix(Guid id) => id.ToString("N")[..8];

    private async Task<Guid> OrganisationAsync(string name, string kind, string? province)
    {
        const string Sql = """
            INSERT INTO Organisations (Id, Slug, Name, Kind, Province, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Name, @Kind, @Province, '', '', @Now, @Now)
            """;
        var id = Guid.NewGuid();
        _ = factory.Services; // the host migrates the database when it starts
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, Slug = "proef-" + Suffix(id), Name = name + "-" + Suffix(id), Kind = kind, Province = province, Now = DateTimeOffset.UtcNow });
        return id;
    }

    private async Task<(Guid Network, Guid Kampen)> OtherNetworkWithKampenAsync()
    {
        var network = await OrganisationAsync("Ander netwerk", "Network", null);
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        var kampen = await connection.ExecuteScalarAsync<Guid>("SELECT Id FROM Organisations WHERE Slug = @Kampen", new { Kampen });
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<NetworkWrites>().AddAsync(network, kampen, null, null, new Actor(Guid.NewGuid(), "Test"), Ct)).ShouldBe(RelationChange.Done);
        return (network, kampen);
    }
}
