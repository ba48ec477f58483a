using System.Security.Claims;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Account;

public sealed class DemoAccountTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    [Theory]
    [InlineData("beheerder@kennishub.example", new[] { "Beheerder", "Netwerklid" })]
    [InlineData("atelier@kennishub.example", new[] { "Atelierlid", "Netwerklid" })]
    [InlineData("lobby@kennishub.example", new[] { "Lobbyteam", "Netwerklid" })]
    [InlineData("lid@kennishub.example", new[] { "Netwerklid" })]
    public async Task Each_demo_account_is_approved_with_its_roles_and_the_configured_password(string email, string[] roles)
    {
        using var client = SiteClient.Create(factory);
        _ = client.Http; // starts the host, which runs the first-run steps

        (await factory.RolesAsync(email)).ShouldBe(roles);
        (await factory.UserAsync(email)).ApprovalStatus.ShouldBe("Approved");
        await client.SignInOrFailAsync(email, AccountFactory.DemoPassword);
    }
}

public sealed class FirstRunTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    [Fact]
    public async Task Outside_Development_there_are_no_demo_accounts_but_the_four_roles_exist()
    {
        using var client = factory.CreateClient();

        (await factory.CountAsync("SELECT COUNT(*) FROM Users", new { })).ShouldBe(0);
        (await factory.CountAsync("SELECT COUNT(*) FROM Roles", new { })).ShouldBe(RoleNames.All.Count);
    }
}

public sealed class PolicyTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    [Theory]
    [InlineData(Policies.ManageAccounts, "Beheerder", true)]
    [InlineData(Policies.ManageAccounts, "Atelierlid", false)]
    [InlineData(Policies.ManageAccounts, "Netwerklid", false)]
    [InlineData(Policies.EditTheme, "Atelierlid", true)]
    [InlineData(Policies.EditTheme, "Beheerder", true)]
    [InlineData(Policies.EditTheme, "Netwerklid", false)]
    [InlineData(Policies.DraftPosition, "Lobbyteam", true)]
    [InlineData(Policies.DraftPosition, "Atelierlid", false)]
    [InlineData(Policies.WriteArticle, "Netwerklid", true)]
    [InlineData(Policies.WriteArticle, null, false)]
    [InlineData(Policies.SignedIn, null, true)]
    public async Task The_matrix_lets_exactly_the_listed_roles_act(string policy, string? role, bool allowed)
    {
        using var client = factory.CreateClient();
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()) };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));

        (await authorization.AuthorizeAsync(principal, policy)).Succeeded.ShouldBe(allowed);
    }

    [Fact]
    public async Task A_visitor_satisfies_no_policy()
    {
        using var client = factory.CreateClient();
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var visitor = new ClaimsPrincipal(new ClaimsIdentity());

        foreach (var policy in Policies.Matrix.Keys.Append(Policies.SignedIn))
        {
            (await authorization.AuthorizeAsync(visitor, policy)).Succeeded.ShouldBeFalse(policy);
        }
    }
}
