using System.Security.Claims;
using KennisHub.Core.Identity;
using KennisHub.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Tests.Identity;

public abstract class RoleStoreTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task A_role_is_created_found_renamed_with_a_concurrency_check_and_deleted()
    {
        using var kit = new IdentityTestKit(Db);
        var name = "Testrol-" + Guid.NewGuid().ToString("N");
        var role = new KennisHubRole(name);

        (await kit.Roles.CreateAsync(role)).Succeeded.ShouldBeTrue();
        (await kit.Roles.FindByNameAsync(name))!.Id.ShouldBe(role.Id);
        var stale = (await kit.Roles.FindByIdAsync(role.Id.ToString()))!;

        role.Name = name + "-nieuw";
        (await kit.Roles.UpdateAsync(role)).Succeeded.ShouldBeTrue();
        stale.Name = name + "-oud";
        (await kit.RoleStore.UpdateAsync(stale, Ct)).Errors.Single().Code.ShouldBe(nameof(IdentityErrorDescriber.ConcurrencyFailure));

        (await kit.Roles.FindByNameAsync(name + "-nieuw")).ShouldNotBeNull();
        (await kit.Roles.DeleteAsync(role)).Succeeded.ShouldBeTrue();
        (await kit.Roles.FindByIdAsync(role.Id.ToString())).ShouldBeNull();
    }

    [Fact]
    public async Task Role_claims_are_added_and_removed()
    {
        using var kit = new IdentityTestKit(Db);
        var role = new KennisHubRole("Claimrol-" + Guid.NewGuid().ToString("N"));
        await kit.Roles.CreateAsync(role);
        var claim = new Claim("kennishub:mag", "thema-bewerken");

        await kit.Roles.AddClaimAsync(role, claim);
        (await kit.Roles.GetClaimsAsync(role)).Single().Value.ShouldBe("thema-bewerken");
        await kit.Roles.RemoveClaimAsync(role, claim);
        (await kit.Roles.GetClaimsAsync(role)).ShouldBeEmpty();
    }
}

public sealed class RoleStoreTestsOnSqlite(SqliteFixture database) : RoleStoreTests(database), IClassFixture<SqliteFixture>;

public sealed class RoleStoreTestsOnSqlServer(SqlServerFixture database) : RoleStoreTests(database), IClassFixture<SqlServerFixture>;
