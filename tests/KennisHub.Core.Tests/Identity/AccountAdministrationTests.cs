using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Identity;

public abstract class AccountAdministrationTests(DatabaseFixture database) : DatabaseTest(database)
{
    private static readonly Actor Admin = new(Guid.NewGuid(), "Demo Beheerder");

    [Fact]
    public async Task Approving_gives_Netwerklid_a_new_security_stamp_and_one_audit_line()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync();
        var administration = new AccountAdministration(Db);

        (await administration.ApproveAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.Done);
        (await administration.ApproveAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.NothingToChange);

        var stored = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        stored.ApprovalStatus.ShouldBe(ApprovalStatus.Approved);
        stored.SecurityStamp.ShouldNotBe(user.SecurityStamp);
        (await kit.Users.GetRolesAsync(stored)).ShouldBe([RoleNames.NetworkMember]);
        (await AuditCountAsync(user.Id, "account.approved")).ShouldBe(1);
        var listed = (await administration.ListAsync(null, 1, 1000, Ct)).Items.Single(a => a.Id == user.Id);
        listed.Roles.ShouldBe([RoleNames.NetworkMember]);
        listed.ApprovalStatus.ShouldBe(ApprovalStatus.Approved);
    }

    [Fact]
    public async Task A_pending_account_gets_no_role_until_it_is_approved()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync();
        var administration = new AccountAdministration(Db);

        (await administration.AddRoleAsync(user.Id, RoleNames.AtelierMember, Admin, Ct)).ShouldBe(AccountChange.NotAllowed);

        (await kit.Users.GetRolesAsync(user)).ShouldBeEmpty();
        (await AuditCountAsync(user.Id, "account.role-added")).ShouldBe(0);
    }

    [Fact]
    public async Task Rejecting_removes_every_role_and_is_logged()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync();
        var administration = new AccountAdministration(Db);
        await administration.ApproveAsync(user.Id, Admin, Ct);

        (await administration.RejectAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.Done);

        (await kit.Users.FindByIdAsync(user.Id.ToString()))!.ApprovalStatus.ShouldBe(ApprovalStatus.Rejected);
        (await kit.Users.GetRolesAsync(user)).ShouldBeEmpty();
        (await AuditCountAsync(user.Id, "account.rejected")).ShouldBe(1);
    }

    [Fact]
    public async Task Roles_are_added_and_removed_with_a_new_stamp_each_time()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync(status: ApprovalStatus.Approved);
        var administration = new AccountAdministration(Db);

        (await administration.AddRoleAsync(user.Id, RoleNames.LobbyTeam, Admin, Ct)).ShouldBe(AccountChange.Done);
        var afterAdd = (await kit.Users.FindByIdAsync(user.Id.ToString()))!.SecurityStamp;
        (await administration.AddRoleAsync(user.Id, RoleNames.LobbyTeam, Admin, Ct)).ShouldBe(AccountChange.NothingToChange);
        (await administration.RemoveRoleAsync(user.Id, RoleNames.LobbyTeam, Admin, Ct)).ShouldBe(AccountChange.Done);
        var afterRemove = (await kit.Users.FindByIdAsync(user.Id.ToString()))!.SecurityStamp;

        afterAdd.ShouldNotBe(user.SecurityStamp);
        afterRemove.ShouldNotBe(afterAdd);
        (await kit.Users.GetRolesAsync(user)).ShouldBeEmpty();
        (await AuditCountAsync(user.Id, "account.role-added")).ShouldBe(1);
        (await AuditCountAsync(user.Id, "account.role-removed")).ShouldBe(1);
        (await administration.AddRoleAsync(user.Id, "Superheld", Admin, Ct)).ShouldBe(AccountChange.NotAllowed);
    }

    [Fact]
    public async Task A_Beheerder_cannot_remove_their_own_Beheerder_role_or_reject_themselves()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var admin = await kit.CreateUserAsync(status: ApprovalStatus.Approved);
        await kit.Users.AddToRoleAsync(admin, RoleNames.Administrator);
        var self = new Actor(admin.Id, admin.DisplayName);
        var administration = new AccountAdministration(Db);

        (await administration.RemoveRoleAsync(admin.Id, RoleNames.Administrator, self, Ct)).ShouldBe(AccountChange.NotAllowed);
        (await administration.RejectAsync(admin.Id, self, Ct)).ShouldBe(AccountChange.NotAllowed);

        (await kit.Users.IsInRoleAsync(admin, RoleNames.Administrator)).ShouldBeTrue();
    }

    private async Task<int> AuditCountAsync(Guid subjectId, string action)
    {
        await using var connection = await Db.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @SubjectId AND Action = @Action", new { SubjectId = subjectId, Action = action });
    }
}

public sealed class AccountAdministrationTestsOnSqlite(SqliteFixture database) : AccountAdministrationTests(database), IClassFixture<SqliteFixture>;

public sealed class AccountAdministrationTestsOnSqlServer(SqlServerFixture database) : AccountAdministrationTests(database), IClassFixture<SqlServerFixture>;
