using System.Net;
using Dapper;
using KennisHub.Web.Pages.Beheer;
using KennisHub.Web.Tests.Account;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Security;

/// <summary>The log page's access through the policy matrix, the registration's audit line, and paging the account list.</summary>
public sealed class LooseEndsTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_log_sends_a_visitor_to_sign_in_and_refuses_a_Netwerklid_with_403()
    {
        using var visitor = SiteClient.Create(factory);
        using var toSignIn = await visitor.GetAsync("/beheer/logboek");
        toSignIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        toSignIn.Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");

        using var member = SiteClient.Create(factory);
        await member.SignInOrFailAsync("lid@kennishub.example", AccountFactory.DemoPassword);
        using var refused = await member.GetAsync("/beheer/logboek");
        refused.Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");
        using var denied = await member.GetAsync(refused.Headers.Location.PathAndQuery);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var administrator = SiteClient.Create(factory);
        await administrator.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);
        (await administrator.GetPageAsync("/beheer/logboek")).QuerySelector("h1").ShouldNotBeNull();
    }

    [Fact]
    public async Task Registering_writes_one_audit_line_with_the_id_and_display_name_and_no_e_mail_address()
    {
        using var client = SiteClient.Create(factory);
        var email = AccountTestData.NewEmail("audit");

        (await client.RegisterAsync(email, name: "Fleur Logboek")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (id, _, _) = await factory.UserAsync(email);
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        var line = (await connection.QueryAsync<(string ActorName, string Summary, string? OldValue, string? NewValue)>(
            "SELECT ActorName, Summary, OldValue, NewValue FROM AuditLog WHERE Action = 'account.registered' AND SubjectKind = 'User' AND SubjectId = @Id AND ActorId = @Id",
            new { Id = id })).ShouldHaveSingleItem();
        line.ActorName.ShouldBe("Fleur Logboek");
        string.Concat(line.Summary, line.OldValue, line.NewValue).ShouldNotContain(email.Split('@')[0]);
    }

    [Fact]
    public async Task The_account_list_pages_with_a_total_and_a_next_link()
    {
        _ = factory.Server;
        await using (var connection = await factory.CreateDb().OpenAsync(Ct))
        {
            for (var i = 0; i < AccountsModel.PageSize + 5; i++)
            {
                var name = $"pagina{i}-{Guid.NewGuid():N}";
                await connection.ExecuteAsync("""
                    INSERT INTO Users (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp,
                        PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, ApprovalStatus, CreatedAt)
                    VALUES (@Id, @Name, @Name, @Name, @Name, 1, 'stamp', 0, 0, 1, 0, @Name, 'Approved', @Now)
                    """, new { Id = Guid.NewGuid(), Name = name, Now = DateTimeOffset.UtcNow });
            }
        }

        var total = await factory.CountAsync("SELECT COUNT(*) FROM Users", new { });
        using var administrator = SiteClient.Create(factory);
        await administrator.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);

        var first = await administrator.GetPageAsync("/beheer/accounts");
        var list = first.QuerySelectorAll("table").Last();
        list.QuerySelectorAll("tbody tr").Length.ShouldBe(AccountsModel.PageSize);
        first.QuerySelector("main")!.TextContent.ShouldContain($"{total} accounts in totaal");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;

        var last = await administrator.GetPageAsync(next.Replace("pagina=2", $"pagina={(total + AccountsModel.PageSize - 1) / AccountsModel.PageSize}", StringComparison.Ordinal));
        last.QuerySelectorAll("table").Last().QuerySelectorAll("tbody tr").Length.ShouldBe(total - ((total - 1) / AccountsModel.PageSize * AccountsModel.PageSize));
        last.QuerySelector("a[rel=next]").ShouldBeNull();
    }
}
