using System.Net;
using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Revisions;
using KennisHub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.History;

public sealed partial class AroundTheEditorTests
{
    [Fact]
    public async Task A_co_author_invites_a_member_found_by_name_who_accepts_on_their_profile_and_may_then_edit()
    {
        var (slug, author) = await ItemWithCoauthorAsync("coauteur-uitnodigen", "Public");
        await ApproveAsync(author, RoleNames.NetworkMember);
        var invitee = await AddMemberAsync("Wilhelmina Zuiderhoek", RoleNames.NetworkMember);
        using var authorClient = factory.CreateClientAs(author, RoleNames.NetworkMember);
        using var inviteeClient = factory.CreateClientAs(invitee, RoleNames.NetworkMember);
        (await inviteeClient.GetAsync($"/kennis/{slug}/bewerken", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var search = Parser.ParseDocument(await authorClient.GetStringAsync($"/kennis/{slug}/auteurs?zoek=zuiderh", Ct));
        search.QuerySelector("#zoek")!.GetAttribute("value").ShouldBe("zuiderh");
        search.QuerySelectorAll("form").Any(f => f.TextContent.Contains("Wilhelmina Zuiderhoek", StringComparison.Ordinal)).ShouldBeTrue();
        var invited = await PostAsync(authorClient, $"/kennis/{slug}/auteurs?handler=Uitnodigen", $"/kennis/{slug}/auteurs", ("persoon", invitee.ToString()), ("zoek", "zuiderh"));
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Parser.ParseDocument(await authorClient.GetStringAsync(invited.Headers.Location!.OriginalString, Ct)).QuerySelector("[role=status]")!.TextContent
            .ShouldContain("De uitnodiging is verstuurd");

        var sessions = factory.Services.GetRequiredService<UserSessions>();
        var session = Guid.NewGuid();
        await sessions.CreateAsync(session, invitee, "ticket", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), Ct);
        (await sessions.FindAsync(session, DateTimeOffset.UtcNow, Ct))!.HasItemRights.ShouldBeFalse();   // an invitation is no right yet

        var profile = Parser.ParseDocument(await inviteeClient.GetStringAsync("/account/profiel", Ct));
        var invitation = profile.QuerySelector("#uitnodigingen-titel")!.ParentElement!;
        invitation.TextContent.ShouldContain("Met bijlagen");
        var accepted = await PostAsync(inviteeClient, "/account/profiel?handler=UitnodigingAannemen", "/account/profiel",
            ("soort", SubjectKinds.Article), ("item", await IdOfAsync(slug)));
        accepted.Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=uitnodiging-aangenomen");

        // From the next request on: the edit policy, and the session's item-rights flag (read with the session, no cache).
        (await inviteeClient.GetAsync($"/kennis/{slug}/bewerken", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sessions.FindAsync(session, DateTimeOffset.UtcNow, Ct))!.HasItemRights.ShouldBeTrue();
        Parser.ParseDocument(await inviteeClient.GetStringAsync("/account/profiel", Ct)).QuerySelector("#uitnodigingen-titel").ShouldBeNull();

        await using var connection = await Db.OpenAsync(Ct);
        var audit = (await connection.QueryAsync<(string Action, string? OldValue, string? NewValue)>(
            "SELECT Action, OldValue, NewValue FROM AuditLog WHERE SubjectId = @Id AND Action LIKE 'coauthor.%' ORDER BY OccurredAt",
            new { Id = Guid.Parse(await IdOfAsync(slug)) })).AsList();
        audit.ShouldBe([("coauthor.invited", null, "Invited"), ("coauthor.accepted", "Invited", "Active")]);
    }

    [Fact]
    public async Task The_item_page_names_its_authors_linking_profiles_for_members_and_names_only_for_visitors()
    {
        var (slug, author) = await ItemWithCoauthorAsync("coauteur-lijst", "Public");
        await ApproveAsync(author, RoleNames.NetworkMember);
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await connection.ExecuteAsync("UPDATE Users SET Slug = 'auteur-coauteur-lijst' WHERE Id = @Id", new { Id = author }, transaction);
            await KennisHub.Core.Caching.ContentVersion.BumpAsync(connection, transaction, Ct);
            await transaction.CommitAsync(Ct);
        }

        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);
        using var visitor = factory.CreateClient();
        var forMember = Parser.ParseDocument(await member.GetStringAsync($"/kennis/{slug}", Ct));
        forMember.QuerySelector("a[href='/mensen/auteur-coauteur-lijst']")!.TextContent.ShouldBe("Auteur coauteur-lijst");
        var forVisitor = Parser.ParseDocument(await visitor.GetStringAsync($"/kennis/{slug}", Ct));
        forVisitor.QuerySelector("a[href^='/mensen/']").ShouldBeNull();
        forVisitor.QuerySelector(".metadata")!.TextContent.ShouldContain("Auteur coauteur-lijst");
        forVisitor.QuerySelector($"a[href='/kennis/{slug}/auteurs']").ShouldBeNull();
    }

    [Fact]
    public async Task The_last_co_author_cannot_be_removed_or_leave_and_another_co_author_may_remove_or_leave()
    {
        var (slug, author) = await ItemWithCoauthorAsync("coauteur-laatste", "Public");
        await ApproveAsync(author, RoleNames.NetworkMember);
        using var authorClient = factory.CreateClientAs(author, RoleNames.NetworkMember);

        var alone = await PostAsync(authorClient, $"/kennis/{slug}/auteurs?handler=Verwijderen", $"/kennis/{slug}/auteurs", ("persoon", author.ToString()), ("zoek", "iemand"));
        alone.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = Parser.ParseDocument(await alone.Content.ReadAsStringAsync(Ct));
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("De laatste co-auteur kan niet worden verwijderd of vertrekken");
        page.QuerySelector("#zoek")!.GetAttribute("value").ShouldBe("iemand");

        using var admin = factory.CreateClientAs(await AddMemberAsync("Beheerder laatste", RoleNames.Administrator, RoleNames.NetworkMember), RoleNames.Administrator, RoleNames.NetworkMember);
        (await PostAsync(admin, $"/kennis/{slug}/auteurs?handler=Verwijderen", $"/kennis/{slug}/auteurs", ("persoon", author.ToString()))).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);

        var second = await AddMemberAsync("Tweede Auteur", RoleNames.NetworkMember);
        await InviteAndAcceptAsync(authorClient, slug, second);
        var left = await PostAsync(authorClient, $"/kennis/{slug}/auteurs?handler=Verwijderen", $"/kennis/{slug}/auteurs", ("persoon", author.ToString()));
        left.Headers.Location!.OriginalString.ShouldBe($"/kennis/{slug}");
        (await authorClient.GetAsync($"/kennis/{slug}/auteurs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var secondClient = factory.CreateClientAs(second, RoleNames.NetworkMember);
        (await PostAsync(secondClient, $"/kennis/{slug}/auteurs?handler=Verwijderen", $"/kennis/{slug}/auteurs", ("persoon", second.ToString()))).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        await using var connection = await Db.OpenAsync(Ct);
        (await connection.QueryAsync<string>("SELECT Action FROM AuditLog WHERE SubjectId = @Id AND Action IN ('coauthor.left', 'coauthor.removed')",
            new { Id = Guid.Parse(await IdOfAsync(slug)) })).ShouldBe(["coauthor.left"]);
    }

    [Fact]
    public async Task Invitations_that_cannot_be_made_get_a_clear_Dutch_message_and_a_declined_one_may_be_made_again()
    {
        var themeId = await AddItemAsync(SubjectKinds.Theme, "coauteur-atelierthema", "Atelier", ("Atelierthema", "Tekst.", ""));
        var atelier = await AddMemberAsync("Atelier Eigenaar", RoleNames.NetworkMember, RoleNames.AtelierMember);
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("INSERT INTO Coauthors (SubjectKind, SubjectId, UserId, Status, CreatedAt) VALUES ('Theme', @Id, @UserId, 'Active', @Now)",
                new { Id = themeId, UserId = atelier, Now = DateTimeOffset.UtcNow });
        }

        var pending = await AddUserAsync("Nog Niet Goedgekeurd");
        var member = await AddMemberAsync("Gewoon Netwerklid", RoleNames.NetworkMember);
        var colleague = await AddMemberAsync("Atelier Collega", RoleNames.NetworkMember, RoleNames.AtelierMember);
        using var client = factory.CreateClientAs(atelier, RoleNames.NetworkMember, RoleNames.AtelierMember);
        const string Url = "/themas/coauteur-atelierthema/auteurs";

        async Task<string> RefusalAsync(Guid? person)
        {
            var response = await PostAsync(client, Url + "?handler=Uitnodigen", Url, person is null ? [] : [("persoon", person.Value.ToString())]);
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            return Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct)).QuerySelector("[role=alert]")!.TextContent;
        }

        (await RefusalAsync(null)).ShouldContain("Kies eerst een persoon");
        (await RefusalAsync(pending)).ShouldContain("Alleen goedgekeurde leden kunnen co-auteur worden.");
        (await RefusalAsync(member)).ShouldContain("kan dit item niet zien");
        (await RefusalAsync(atelier)).ShouldContain("is al co-auteur");
        (await PostAsync(client, Url + "?handler=Uitnodigen", Url, ("persoon", colleague.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RefusalAsync(colleague)).ShouldContain("is al uitgenodigd");

        using var colleagueClient = factory.CreateClientAs(colleague, RoleNames.NetworkMember, RoleNames.AtelierMember);
        (await PostAsync(colleagueClient, "/account/profiel?handler=UitnodigingAfslaan", "/account/profiel", ("soort", SubjectKinds.Theme), ("item", themeId.ToString())))
            .Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=uitnodiging-afgeslagen");
        (await PostAsync(colleagueClient, "/account/profiel?handler=UitnodigingAannemen", "/account/uitloggen", ("soort", SubjectKinds.Theme), ("item", themeId.ToString())))
            .Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=uitnodiging-vervallen");
        (await colleagueClient.GetAsync("/themas/coauteur-atelierthema/bewerken", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(client, Url + "?handler=Uitnodigen", Url, ("persoon", colleague.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // No one answers for another: the member's own post finds no invitation of theirs.
        using var memberClient = factory.CreateClientAs(member, RoleNames.NetworkMember);
        (await PostAsync(memberClient, "/account/profiel?handler=UitnodigingAannemen", "/account/uitloggen", ("soort", SubjectKinds.Theme), ("item", themeId.ToString())))
            .Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=uitnodiging-vervallen");
        await using var check = await Db.OpenAsync(Ct);
        (await check.ExecuteScalarAsync<string>("SELECT Status FROM Coauthors WHERE SubjectId = @Id AND UserId = @UserId", new { Id = themeId, UserId = colleague })).ShouldBe("Invited");
    }

    [Fact]
    public async Task Names_and_searches_full_of_attacks_are_shown_harmless_on_the_authors_page_and_the_profile()
    {
        var (slug, author) = await ItemWithCoauthorAsync("coauteur-aanval", "Public");
        await ApproveAsync(author, RoleNames.NetworkMember);
        using var client = factory.CreateClientAs(author, RoleNames.NetworkMember);
        var failures = new List<string>();
        foreach (var attack in AttackCorpus.All)
        {
            var person = await AddMemberAsync("zz" + attack, RoleNames.NetworkMember);
            (await PostAsync(client, $"/kennis/{slug}/auteurs?handler=Uitnodigen", $"/kennis/{slug}/auteurs", ("persoon", person.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Redirect, attack);
            var search = Parser.ParseDocument(await client.GetStringAsync($"/kennis/{slug}/auteurs?zoek={Uri.EscapeDataString(attack)}", Ct));
            failures.AddRange(HtmlSafety.Problems(search.DocumentElement, search.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet()).Select(p => $"zoek {attack}: {p}"));
            using var invitee = factory.CreateClientAs(person, RoleNames.NetworkMember);
            var profile = Parser.ParseDocument(await invitee.GetStringAsync("/account/profiel", Ct));
            failures.AddRange(HtmlSafety.Problems(profile.DocumentElement, profile.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet()).Select(p => $"profiel {attack}: {p}"));
        }

        var page = Parser.ParseDocument(await client.GetStringAsync($"/kennis/{slug}/auteurs?zoek=zz", Ct));
        failures.AddRange(HtmlSafety.Problems(page.DocumentElement, page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet()));
        failures.ShouldBeEmpty();
    }

    private async Task InviteAndAcceptAsync(HttpClient inviter, string slug, Guid invitee)
    {
        (await PostAsync(inviter, $"/kennis/{slug}/auteurs?handler=Uitnodigen", $"/kennis/{slug}/auteurs", ("persoon", invitee.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var client = factory.CreateClientAs(invitee, RoleNames.NetworkMember);
        (await PostAsync(client, "/account/profiel?handler=UitnodigingAannemen", "/account/profiel", ("soort", SubjectKinds.Article), ("item", await IdOfAsync(slug))))
            .Headers.Location!.OriginalString.ShouldBe("/account/profiel?melding=uitnodiging-aangenomen");
    }

    /// <summary>An approved account with these roles in UserRoles (what an invitation checks).</summary>
    private async Task<Guid> AddMemberAsync(string name, params string[] roles)
    {
        var id = await AddUserAsync(name);
        await ApproveAsync(id, roles);
        return id;
    }

    private async Task ApproveAsync(Guid userId, params string[] roles)
    {
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync("UPDATE Users SET ApprovalStatus = 'Approved' WHERE Id = @Id", new { Id = userId });
        foreach (var role in roles)
        {
            await connection.ExecuteAsync("INSERT INTO UserRoles (UserId, RoleId) SELECT @Id, Id FROM Roles WHERE Name = @Role", new { Id = userId, Role = role });
        }
    }

    private async Task<string> IdOfAsync(string articleSlug)
    {
        await using var connection = await Db.OpenAsync(Ct);
        return (await connection.ExecuteScalarAsync<Guid>("SELECT Id FROM Articles WHERE Slug = @Slug", new { Slug = articleSlug })).ToString();
    }

    /// <summary>A form post with the antiforgery token of the page at <paramref name="tokenFrom"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string tokenFrom, params (string Name, string Value)[] fields)
    {
        var page = Parser.ParseDocument(await client.GetStringAsync(tokenFrom, Ct));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(url, form, Ct);
    }
}
