using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Identity;

public abstract class AccountAdministrationTests(DatabaseFixture database) : DatabaseTest(database)
{
    private static readonly Actor Admin = new(Guid.NewGuid(), "Demo Beheerder");

    [Fact]
    public async Task Approving_gives_Netwerklid_asks_the_person_s_sessions_to_refresh_and_writes_one_audit_line()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync();
        var administration = new AccountAdministration(Db);
        var session = await SignedInSessionAsync(user.Id);

        (await administration.ApproveAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.Done);
        (await administration.ApproveAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.NothingToChange);

        var stored = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        stored.ApprovalStatus.ShouldBe(ApprovalStatus.Approved);
        stored.SecurityStamp.ShouldBe(user.SecurityStamp); // the session stays; it picks up the role on its next request
        (await new UserSessions(Db).FindAsync(session, DateTimeOffset.UtcNow, Ct))!.RefreshPrincipal.ShouldBeTrue();
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
        var session = await SignedInSessionAsync(user.Id);

        (await administration.RejectAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.Done);

        (await new UserSessions(Db).FindAsync(session, DateTimeOffset.UtcNow, Ct)).ShouldBeNull();
        (await kit.Users.FindByIdAsync(user.Id.ToString()))!.ApprovalStatus.ShouldBe(ApprovalStatus.Rejected);
        (await kit.Users.GetRolesAsync(user)).ShouldBeEmpty();
        (await AuditCountAsync(user.Id, "account.rejected")).ShouldBe(1);
    }

    [Fact]
    public async Task Roles_are_added_and_removed_and_each_time_the_person_s_sessions_are_asked_to_refresh()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync(status: ApprovalStatus.Approved);
        var administration = new AccountAdministration(Db);
        var sessions = new UserSessions(Db);
        var session = await SignedInSessionAsync(user.Id);

        (await administration.AddRoleAsync(user.Id, RoleNames.LobbyTeam, Admin, Ct)).ShouldBe(AccountChange.Done);
        (await sessions.FindAsync(session, DateTimeOffset.UtcNow, Ct))!.RefreshPrincipal.ShouldBeTrue();
        (await sessions.RenewAsync(session, user.Id, "ververst", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(30), Ct)).ShouldBeTrue();
        (await sessions.FindAsync(session, DateTimeOffset.UtcNow, Ct))!.RefreshPrincipal.ShouldBeFalse();
        (await administration.AddRoleAsync(user.Id, RoleNames.LobbyTeam, Admin, Ct)).ShouldBe(AccountChange.NothingToChange);
        (await administration.RemoveRoleAsync(user.Id, RoleNames.LobbyTeam, Admin, Ct)).ShouldBe(AccountChange.Done);

        (await sessions.FindAsync(session, DateTimeOffset.UtcNow, Ct))!.RefreshPrincipal.ShouldBeTrue();
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

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_that_account_only_renews_its_stamp_and_is_logged()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync(status: ApprovalStatus.Approved);
        var other = await kit.CreateUserAsync(status: ApprovalStatus.Approved);
        var sessions = new UserSessions(Db);
        var laptop = await SignedInSessionAsync(user.Id);
        var phone = await SignedInSessionAsync(user.Id);
        var someoneElse = await SignedInSessionAsync(other.Id);

        (await new AccountAdministration(Db).SignOutEverywhereAsync(user.Id, Admin, Ct)).ShouldBe(AccountChange.Done);

        (await sessions.FindAsync(laptop, DateTimeOffset.UtcNow, Ct)).ShouldBeNull();
        (await sessions.FindAsync(phone, DateTimeOffset.UtcNow, Ct)).ShouldBeNull();
        (await sessions.FindAsync(someoneElse, DateTimeOffset.UtcNow, Ct)).ShouldNotBeNull();
        (await kit.Users.FindByIdAsync(user.Id.ToString()))!.SecurityStamp.ShouldNotBe(user.SecurityStamp);
        (await AuditCountAsync(user.Id, "account.signed-out-everywhere")).ShouldBe(1);
        (await new AccountAdministration(Db).SignOutEverywhereAsync(Guid.NewGuid(), Admin, Ct)).ShouldBe(AccountChange.NothingToChange);
    }

    [Fact]
    public async Task A_session_says_whether_its_person_has_item_rights_from_an_active_coauthorship_or_a_contact_role()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var author = await kit.CreateUserAsync();
        var invited = await kit.CreateUserAsync();
        var reader = await kit.CreateUserAsync();
        var sessions = new UserSessions(Db);
        var (authorSession, invitedSession, readerSession) = (await SignedInSessionAsync(author.Id), await SignedInSessionAsync(invited.Id), await SignedInSessionAsync(reader.Id));
        await using (var connection = await Db.OpenAsync(Ct))
        {
            const string Sql = """
                INSERT INTO Coauthors (SubjectKind, SubjectId, UserId, Status, CreatedAt)
                VALUES ('Article', @SubjectId, @UserId, @Status, @CreatedAt)
                """;
            var article = Guid.NewGuid();
            await connection.ExecuteAsync(Sql, new { SubjectId = article, UserId = author.Id, Status = "Active", CreatedAt = DateTimeOffset.UtcNow });
            await connection.ExecuteAsync(Sql, new { SubjectId = article, UserId = invited.Id, Status = "Invited", CreatedAt = DateTimeOffset.UtcNow });
        }

        (await sessions.FindAsync(authorSession, DateTimeOffset.UtcNow, Ct))!.HasItemRights.ShouldBeTrue();
        (await sessions.FindAsync(invitedSession, DateTimeOffset.UtcNow, Ct))!.HasItemRights.ShouldBeFalse();   // an invitation is no right yet
        (await sessions.FindAsync(readerSession, DateTimeOffset.UtcNow, Ct))!.HasItemRights.ShouldBeFalse();
    }

    private async Task<Guid> SignedInSessionAsync(Guid userId)
    {
        var id = Guid.NewGuid();
        await new UserSessions(Db).CreateAsync(id, userId, "beschermd-ticket", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(30), Ct);
        return id;
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
