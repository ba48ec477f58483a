using System.Net;
using AngleSharp.Html.Parser;
using KennisHub.Core.Audit;
using KennisHub.Core.Identity;

namespace KennisHub.Web.Tests.Security;

public sealed class LogboekTests(TestAuthenticationFactory factory) : IClassFixture<TestAuthenticationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> WriteAsync(string action, string actor, int count = 1)
    {
        var kind = "Logboektest" + Guid.NewGuid().ToString("N")[..6];
        _ = factory.Server; // the host migrates the database when it starts
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            await AuditLog.WriteAsync(connection, null, new AuditEntry(action, kind, Guid.NewGuid(), $"Samenvatting {i}", Guid.NewGuid(), actor), Ct);
        }

        return kind;
    }

    private async Task<AngleSharp.Dom.IDocument> GetAsync(string path)
    {
        using var client = factory.CreateClientAs("Beheerder Bea", RoleNames.Administrator);
        using var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
    }

    [Fact]
    public async Task A_Beheerder_reads_the_lines_filtered_by_subject_kind_and_actor_newest_first()
    {
        var kind = await WriteAsync("thema.gewijzigd", "Anna de Vries", count: 3);
        await WriteAsync("thema.gewijzigd", "Anna de Vries");

        var document = await GetAsync($"/beheer/logboek?soort={kind}&door=de%20vries");

        var rows = document.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(3);
        rows.Select(r => r.Children[4].TextContent).ShouldBe(["Samenvatting 2", "Samenvatting 1", "Samenvatting 0"]);
        rows.ShouldAllBe(r => r.Children[1].TextContent == "Anna de Vries");
    }

    [Fact]
    public async Task The_log_pages_through_many_lines_with_a_next_link_that_keeps_the_filter()
    {
        var kind = await WriteAsync("artikel.gelezen", "Piet", count: AuditLogQuery.DefaultPageSize + 5);

        var first = await GetAsync($"/beheer/logboek?soort={kind}");
        first.QuerySelectorAll("tbody tr").Length.ShouldBe(AuditLogQuery.DefaultPageSize);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        next.ShouldContain($"soort={kind}");

        var second = await GetAsync(next);
        second.QuerySelectorAll("tbody tr").Length.ShouldBe(5);
        second.QuerySelector("a[rel=next]").ShouldBeNull();
        second.QuerySelector("a[rel=prev]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_period_filters_on_Dutch_calendar_days_and_a_reversed_period_says_so_in_Dutch()
    {
        var kind = await WriteAsync("periode.test", "Kees");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await GetAsync($"/beheer/logboek?soort={kind}&van={Day(today)}&tot={Day(today)}")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        (await GetAsync($"/beheer/logboek?soort={kind}&tot={Day(today.AddDays(-1))}")).QuerySelectorAll("tbody tr").Length.ShouldBe(0);
        var reversed = await GetAsync($"/beheer/logboek?soort={kind}&van={Day(today)}&tot={Day(today.AddDays(-3))}");
        reversed.QuerySelector("#van-error")!.LastChild!.TextContent.ShouldBe("De begindatum ligt na de einddatum.");
        reversed.QuerySelector("#van")!.GetAttribute("aria-describedby").ShouldBe("van-error");
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        var document = await GetAsync("/beheer/logboek?soort=BestaatNiet" + Guid.NewGuid().ToString("N"));

        document.QuerySelector("table").ShouldBeNull();
        document.Body!.TextContent.ShouldContain("Geen regels gevonden die aan het filter voldoen.");
    }

    [Fact]
    public async Task Actions_and_subject_kinds_show_as_words_in_Dutch_and_in_English_not_as_codes()
    {
        var actor = "Labeltest " + Guid.NewGuid().ToString("N")[..6];
        _ = factory.Server;
        await using (var connection = await factory.CreateDb().OpenAsync(Ct))
        {
            await AuditLog.WriteAsync(connection, null, new AuditEntry("account.approved", "User", Guid.NewGuid(), "Account goedgekeurd", Guid.NewGuid(), actor), Ct);
        }

        var dutch = await GetAsync("/beheer/logboek?door=" + Uri.EscapeDataString(actor));
        var cells = dutch.QuerySelectorAll("tbody tr").ShouldHaveSingleItem().Children;
        cells[2].TextContent.ShouldBe("Account goedgekeurd");
        cells[3].TextContent.ShouldBe("Account");
        dutch.QuerySelectorAll("#handeling option").Select(o => o.TextContent).ShouldContain("Account goedgekeurd");
        dutch.QuerySelectorAll("#handeling option").Select(o => o.TextContent).ShouldNotContain("account.approved");
        dutch.QuerySelectorAll("#soort option").Select(o => o.TextContent).ShouldNotContain("User");

        var english = await GetAsync("/beheer/logboek?culture=en&door=" + Uri.EscapeDataString(actor));
        english.QuerySelector("tbody tr")!.Children[2].TextContent.ShouldBe("Account approved");
    }

    [Fact]
    public async Task Times_are_Dutch_time_and_the_zone_is_named_once_on_the_page()
    {
        var kind = await WriteAsync("tijdzone.test", "Tijs");

        var document = await GetAsync($"/beheer/logboek?soort={kind}");

        var time = document.QuerySelector("tbody time")!;
        var utc = DateTimeOffset.Parse(time.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        var dutch = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        time.TextContent.ShouldBe(dutch.ToString("g", new System.Globalization.CultureInfo("nl-NL")));
        System.Text.RegularExpressions.Regex.Count(document.Body!.TextContent, "Europe/Amsterdam").ShouldBe(1);
    }

    [Theory]
    [InlineData("?van=0001-01-01&tot=9999-12-31")]
    [InlineData("?tot=9999-12-31")]
    [InlineData("?van=0001-01-01")]
    public async Task A_period_at_the_ends_of_the_calendar_means_no_bound_instead_of_a_500(string query)
    {
        var kind = await WriteAsync("kalender.test", "Karel");

        var document = await GetAsync($"/beheer/logboek{query}&soort={kind}");

        document.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_page_far_past_the_end_says_so_in_Dutch_and_links_to_the_first_page()
    {
        var document = await GetAsync("/beheer/logboek?pagina=2147483647");

        document.QuerySelector("table").ShouldBeNull();
        document.Body!.TextContent.ShouldContain("Pagina 2147483647 bestaat niet");
        document.QuerySelector("main a[href*='pagina=1']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_date_that_is_no_date_is_an_error_that_names_the_Dutch_field()
    {
        var document = await GetAsync("/beheer/logboek?van=gisteren");

        var error = document.QuerySelector("#van-error")!.TextContent;
        error.ShouldContain("Vanaf datum");
        error.ShouldNotContain("From");
    }

    [Theory]
    [InlineData(RoleNames.AtelierMember)]
    [InlineData(RoleNames.NetworkMember)]
    [InlineData(RoleNames.LobbyTeam)]
    public async Task Other_roles_get_403_in_Dutch(string role)
    {
        using var client = factory.CreateClientAs("Lid Lotte", role);
        using var response = await client.GetAsync("/beheer/logboek", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Geen toegang");
    }

    [Fact]
    public async Task The_log_page_has_no_handler_that_writes()
    {
        typeof(KennisHub.Web.Pages.Beheer.LogboekModel).GetMethods()
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal))
            .ShouldBeEmpty();
        using var client = factory.CreateClientAs("Beheerder Bea", RoleNames.Administrator);
        using var response = await client.PostAsync("/beheer/logboek", new FormUrlEncodedContent([]), Ct);
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }
}
