using System.Security.Claims;
using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Tests.Identity;

public abstract class UserStoreTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task A_created_user_is_found_by_id_name_and_email_with_every_column()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        var byId = await kit.Users.FindByIdAsync(user.Id.ToString());
        var byName = await kit.Users.FindByNameAsync(user.UserName!);
        var byEmail = await kit.Users.FindByEmailAsync(user.Email!.ToUpperInvariant());

        byId.ShouldNotBeNull();
        byName!.Id.ShouldBe(user.Id);
        byEmail!.Id.ShouldBe(user.Id);
        byId.DisplayName.ShouldBe("Anna de Vries");
        byId.ApprovalStatus.ShouldBe(ApprovalStatus.Pending);
        byId.LockoutEnabled.ShouldBeTrue();
        byId.SecurityStamp.ShouldBe(user.SecurityStamp);
        byId.CreatedAt.ShouldBe(user.CreatedAt, TimeSpan.FromMilliseconds(1));
        (await kit.Users.FindByIdAsync(Guid.NewGuid().ToString())).ShouldBeNull();
        (await kit.Users.FindByIdAsync("geen-guid")).ShouldBeNull();
    }

    [Fact]
    public async Task An_update_from_a_stale_copy_fails_with_a_concurrency_failure()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();
        var stale = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;

        user.DisplayName = "Anna van Dijk";
        (await kit.Store.UpdateAsync(user, Ct)).Succeeded.ShouldBeTrue();
        stale.DisplayName = "Iemand anders";
        var result = await kit.Store.UpdateAsync(stale, Ct);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe(nameof(IdentityErrorDescriber.ConcurrencyFailure));
        (await kit.Users.FindByIdAsync(user.Id.ToString()))!.DisplayName.ShouldBe("Anna van Dijk");
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        var copy = new KennisHubUser { UserName = "ander-" + user.Email, Email = user.Email, DisplayName = "Kopie" };
        var result = await kit.Users.CreateAsync(copy, IdentityTestKit.Password);

        result.Errors.Select(e => e.Code).ShouldContain(nameof(IdentityErrorDescriber.DuplicateEmail));
    }

    [Fact]
    public async Task The_password_is_stored_as_a_hash_and_checked()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        var stored = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        stored.PasswordHash.ShouldNotBeNullOrEmpty();
        stored.PasswordHash.ShouldNotContain(IdentityTestKit.Password);
        (await kit.Users.CheckPasswordAsync(stored, IdentityTestKit.Password)).ShouldBeTrue();
        (await kit.Users.CheckPasswordAsync(stored, "een ander wachtwoord")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("kort-11-tkn", nameof(IdentityErrorDescriber.PasswordTooShort))]
    [InlineData("Wachtwoord2024!", KennisHubIdentityErrorDescriber.PasswordTooCommonCode)]
    public async Task Weak_passwords_are_refused(string password, string code)
    {
        using var kit = new IdentityTestKit(Db);
        var user = new KennisHubUser { UserName = $"zwak-{Guid.NewGuid():N}@gemeente.example", Email = $"zwak-{Guid.NewGuid():N}@gemeente.example", DisplayName = "Zwak" };

        var result = await kit.Users.CreateAsync(user, password);

        result.Errors.Select(e => e.Code).ShouldContain(code);
    }

    [Fact]
    public async Task Changing_the_password_renews_the_security_stamp()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();
        var stamp = user.SecurityStamp;

        (await kit.Users.ChangePasswordAsync(user, IdentityTestKit.Password, "een nieuw en lang wachtwoord")).Succeeded.ShouldBeTrue();

        var stored = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        stored.SecurityStamp.ShouldNotBe(stamp);
        (await kit.Users.CheckPasswordAsync(stored, "een nieuw en lang wachtwoord")).ShouldBeTrue();
    }

    [Fact]
    public async Task Roles_are_added_listed_checked_and_removed()
    {
        using var kit = new IdentityTestKit(Db);
        await kit.EnsureRolesAsync();
        var user = await kit.CreateUserAsync();

        (await kit.Users.AddToRolesAsync(user, [RoleNames.AtelierMember, RoleNames.NetworkMember])).Succeeded.ShouldBeTrue();

        (await kit.Users.GetRolesAsync(user)).ShouldBe([RoleNames.AtelierMember, RoleNames.NetworkMember]);
        (await kit.Users.IsInRoleAsync(user, RoleNames.AtelierMember)).ShouldBeTrue();
        (await kit.Users.IsInRoleAsync(user, RoleNames.Administrator)).ShouldBeFalse();
        (await kit.Users.GetUsersInRoleAsync(RoleNames.AtelierMember)).Select(u => u.Id).ShouldContain(user.Id);
        (await kit.Users.AddToRoleAsync(user, RoleNames.AtelierMember)).Succeeded.ShouldBeFalse();

        (await kit.Users.RemoveFromRoleAsync(user, RoleNames.AtelierMember)).Succeeded.ShouldBeTrue();
        (await kit.Users.GetRolesAsync(user)).ShouldBe([RoleNames.NetworkMember]);
    }

    [Fact]
    public async Task Claims_are_added_replaced_found_and_removed()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();
        var organisation = new Claim(KennisHubClaimTypes.Organisation, "Gemeente Kampen " + Guid.NewGuid());

        await kit.Users.AddClaimAsync(user, organisation);
        (await kit.Users.GetClaimsAsync(user)).Select(c => (c.Type, c.Value)).ShouldBe([(organisation.Type, organisation.Value)]);
        (await kit.Users.GetUsersForClaimAsync(organisation)).Single().Id.ShouldBe(user.Id);

        var moved = new Claim(KennisHubClaimTypes.Organisation, "Gemeente Zwolle " + Guid.NewGuid());
        await kit.Users.ReplaceClaimAsync(user, organisation, moved);
        (await kit.Users.GetClaimsAsync(user)).Single().Value.ShouldBe(moved.Value);

        await kit.Users.RemoveClaimAsync(user, moved);
        (await kit.Users.GetClaimsAsync(user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task External_logins_are_added_found_and_removed()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();
        var key = Guid.NewGuid().ToString();

        (await kit.Users.AddLoginAsync(user, new UserLoginInfo("Gemeente-SSO", key, "Gemeente SSO"))).Succeeded.ShouldBeTrue();

        (await kit.Users.FindByLoginAsync("Gemeente-SSO", key))!.Id.ShouldBe(user.Id);
        (await kit.Users.GetLoginsAsync(user)).Single().ProviderDisplayName.ShouldBe("Gemeente SSO");
        (await kit.Users.RemoveLoginAsync(user, "Gemeente-SSO", key)).Succeeded.ShouldBeTrue();
        (await kit.Users.FindByLoginAsync("Gemeente-SSO", key)).ShouldBeNull();
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_fifteen_minutes()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        for (var i = 0; i < 4; i++)
        {
            await kit.Users.AccessFailedAsync(user);
        }

        (await kit.Users.IsLockedOutAsync(user)).ShouldBeFalse();
        await kit.Users.AccessFailedAsync(user);

        var stored = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        (await kit.Users.IsLockedOutAsync(stored)).ShouldBeTrue();
        stored.LockoutEnd!.Value.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        stored.AccessFailedCount.ShouldBe(0);
    }

    [Fact]
    public async Task Authentication_tokens_are_set_overwritten_and_removed()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        await kit.Users.SetAuthenticationTokenAsync(user, "Gemeente-SSO", "refresh", "eerste");
        await kit.Users.SetAuthenticationTokenAsync(user, "Gemeente-SSO", "refresh", "tweede");

        (await kit.Users.GetAuthenticationTokenAsync(user, "Gemeente-SSO", "refresh")).ShouldBe("tweede");
        await kit.Users.RemoveAuthenticationTokenAsync(user, "Gemeente-SSO", "refresh");
        (await kit.Users.GetAuthenticationTokenAsync(user, "Gemeente-SSO", "refresh")).ShouldBeNull();
    }

    [Fact]
    public async Task The_authenticator_key_is_kept_and_replaced_on_reset()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        await kit.Users.ResetAuthenticatorKeyAsync(user);
        var first = await kit.Users.GetAuthenticatorKeyAsync(user);
        await kit.Users.ResetAuthenticatorKeyAsync(user);
        var second = await kit.Users.GetAuthenticatorKeyAsync(user);

        first.ShouldNotBeNullOrEmpty();
        second.ShouldNotBeNullOrEmpty();
        second.ShouldNotBe(first);
    }

    [Fact]
    public async Task Recovery_codes_are_stored_only_as_hashes_and_each_works_once()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();

        var codes = (await kit.Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();

        await using (var connection = await Db.OpenAsync(Ct))
        {
            var stored = string.Join("\n", await connection.QueryAsync<string>("SELECT Value FROM UserTokens WHERE UserId = @Id", new { user.Id }));
            foreach (var code in codes)
            {
                stored.ShouldNotContain(code);
                stored.ShouldContain(DapperUserStore.HashRecoveryCode(code));
            }
        }

        (await kit.Users.CountRecoveryCodesAsync(user)).ShouldBe(10);
        (await kit.Users.RedeemTwoFactorRecoveryCodeAsync(user, codes[2])).Succeeded.ShouldBeTrue();
        (await kit.Users.RedeemTwoFactorRecoveryCodeAsync(user, codes[2])).Succeeded.ShouldBeFalse();
        (await kit.Users.RedeemTwoFactorRecoveryCodeAsync(user, " " + codes[5].ToLowerInvariant() + " ")).Succeeded.ShouldBeTrue();
        (await kit.Users.RedeemTwoFactorRecoveryCodeAsync(user, "ABCDE-FGHIJ")).Succeeded.ShouldBeFalse();
        (await kit.Users.CountRecoveryCodesAsync(user)).ShouldBe(8);
    }

    [Fact]
    public async Task An_authenticator_code_works_once_and_an_older_code_never_again()
    {
        using var kit = new IdentityTestKit(Db);
        var user = await kit.CreateUserAsync();
        await kit.Users.ResetAuthenticatorKeyAsync(user);
        var key = Totp.FromBase32((await kit.Users.GetAuthenticatorKeyAsync(user))!);
        string CodeAt(long step) => Totp.Format(Totp.Compute(key, step));
        var now = OneTimeAuthenticatorTokenProvider.CurrentTimeStep(kit.Clock.GetUtcNow());
        var provider = kit.Users.Options.Tokens.AuthenticatorTokenProvider;

        (await kit.Users.VerifyTwoFactorTokenAsync(user, provider, CodeAt(now))).ShouldBeTrue();
        (await kit.Users.VerifyTwoFactorTokenAsync(user, provider, CodeAt(now))).ShouldBeFalse();
        (await kit.Users.VerifyTwoFactorTokenAsync(user, provider, CodeAt(now - 1))).ShouldBeFalse();
        (await kit.Users.VerifyTwoFactorTokenAsync(user, provider, CodeAt(now + 1))).ShouldBeTrue();
        (await kit.Users.VerifyTwoFactorTokenAsync(user, provider, CodeAt(now + 5))).ShouldBeFalse();

        var stored = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        stored.LastAuthenticatorTimeStep.ShouldBe(now + 1);

        // A later ordinary update (any Identity change) must not roll the remembered step back.
        var stale = (await kit.Users.FindByIdAsync(user.Id.ToString()))!;
        stale.LastAuthenticatorTimeStep = null;
        (await kit.Users.UpdateAsync(stale)).Succeeded.ShouldBeTrue();
        (await kit.Users.FindByIdAsync(user.Id.ToString()))!.LastAuthenticatorTimeStep.ShouldBe(now + 1);
    }
}

public sealed class UserStoreTestsOnSqlite(SqliteFixture database) : UserStoreTests(database), IClassFixture<SqliteFixture>;

public sealed class UserStoreTestsOnSqlServer(SqlServerFixture database) : UserStoreTests(database), IClassFixture<SqlServerFixture>;
