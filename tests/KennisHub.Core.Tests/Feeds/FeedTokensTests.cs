using Dapper;
using KennisHub.Core.Feeds;
using KennisHub.Core.Identity;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Feeds;

/// <summary>A personal feed token stands for its owner as they are now, until it is replaced or revoked.</summary>
public abstract class FeedTokensTests(DatabaseFixture database) : DatabaseTest(database)
{
    private FeedTokens Tokens => new(Db, TimeProvider.System);

    [Fact]
    public async Task A_token_reads_as_its_owner_with_their_roles_until_it_is_replaced_or_revoked()
    {
        var owner = await PersonAsync("Anna de Vries", RoleNames.NetworkMember, RoleNames.AtelierMember);
        (await Tokens.CreatedAtAsync(owner.Id, Ct)).ShouldBeNull();

        var first = await Tokens.CreateAsync(owner.Id, owner, Ct);
        FeedTokens.LooksLikeToken(first).ShouldBeTrue();
        var reader = (await Tokens.ReaderForAsync(first, Ct)).ShouldNotBeNull();
        reader.UserId.ShouldBe(owner.Id);
        reader.IsAtelierMember.ShouldBeTrue();
        (await Tokens.CreatedAtAsync(owner.Id, Ct)).ShouldNotBeNull();

        var second = await Tokens.CreateAsync(owner.Id, owner, Ct);
        second.ShouldNotBe(first);
        (await Tokens.ReaderForAsync(first, Ct)).ShouldBeNull();
        (await Tokens.ReaderForAsync(second, Ct)).ShouldNotBeNull();

        (await Tokens.RevokeAsync(owner.Id, owner, Ct)).ShouldBeTrue();
        (await Tokens.RevokeAsync(owner.Id, owner, Ct)).ShouldBeFalse();
        (await Tokens.ReaderForAsync(second, Ct)).ShouldBeNull();

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.QueryAsync<string>("SELECT Action FROM AuditLog WHERE SubjectId = @Id ORDER BY OccurredAt", new { owner.Id }))
            .ShouldBe(["account.feed-token-created", "account.feed-token-created", "account.feed-token-revoked"]);
        (await connection.ExecuteScalarAsync<string>("SELECT TokenHash FROM FeedTokens WHERE UserId = @Id", new { owner.Id })).ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_hash_is_stored_and_a_lost_role_counts_at_once()
    {
        var owner = await PersonAsync("Bram Bakker", RoleNames.NetworkMember, RoleNames.AtelierMember);
        var token = await Tokens.CreateAsync(owner.Id, owner, Ct);
        await using var connection = await Db.OpenAsync(Ct);
        var stored = await connection.ExecuteScalarAsync<string>("SELECT TokenHash FROM FeedTokens WHERE UserId = @Id", new { owner.Id });
        stored.ShouldNotBeNull();
        stored.ShouldNotContain(token);
        stored.Length.ShouldBe(64);

        await connection.ExecuteAsync(
            "DELETE FROM UserRoles WHERE UserId = @Id AND RoleId IN (SELECT Id FROM Roles WHERE Name = @Name)",
            new { owner.Id, Name = RoleNames.AtelierMember });
        var reader = (await Tokens.ReaderForAsync(token, Ct)).ShouldNotBeNull();
        reader.IsAtelierMember.ShouldBeFalse();
        reader.IsNetworkMember.ShouldBeTrue();
    }

    [Fact]
    public async Task A_token_of_a_locked_out_or_unapproved_account_reads_nothing()
    {
        var locked = await PersonAsync("Cor Claassen", RoleNames.NetworkMember);
        var lockedToken = await Tokens.CreateAsync(locked.Id, locked, Ct);
        var pending = await PersonAsync("Dirk Dekker", RoleNames.NetworkMember);
        var pendingToken = await Tokens.CreateAsync(pending.Id, pending, Ct);
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE Users SET LockoutEnd = @Until WHERE Id = @Id", new { Until = DateTimeOffset.UtcNow.AddYears(100), locked.Id });
            await connection.ExecuteAsync("UPDATE Users SET ApprovalStatus = 'Pending' WHERE Id = @Id", new { pending.Id });
        }

        (await Tokens.ReaderForAsync(lockedToken, Ct)).ShouldBeNull();
        (await Tokens.ReaderForAsync(pendingToken, Ct)).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("kort")]
    [InlineData("' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Anything_but_a_known_token_is_no_reader(string token)
        => (await Tokens.ReaderForAsync(token, Ct)).ShouldBeNull();

    private async Task<Actor> PersonAsync(string name, params string[] roles)
    {
        const string UserSql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, ApprovalStatus, CreatedAt)
            VALUES (@Id, @UserName, @UserName, @Name, 'Approved', @Now)
            """;
        const string RoleSql = """
            INSERT INTO Roles (Id, Name, NormalizedName)
            SELECT @Id, @Name, @Normalized WHERE NOT EXISTS (SELECT 1 FROM Roles WHERE Name = @Name)
            """;
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(UserSql, new { Id = id, UserName = "feed-" + id.ToString("N"), Name = name, Now = DateTimeOffset.UtcNow });
        foreach (var role in roles)
        {
            await connection.ExecuteAsync(RoleSql, new { Id = Guid.NewGuid(), Name = role, Normalized = role.ToUpperInvariant() });
            await connection.ExecuteAsync(
                "INSERT INTO UserRoles (UserId, RoleId) SELECT @UserId, Id FROM Roles WHERE Name = @Name", new { UserId = id, Name = role });
        }

        return new Actor(id, name);
    }
}

public sealed class FeedTokensTestsOnSqlite(SqliteFixture database) : FeedTokensTests(database), IClassFixture<SqliteFixture>;

public sealed class FeedTokensTestsOnSqlServer(SqlServerFixture database) : FeedTokensTests(database), IClassFixture<SqlServerFixture>;
