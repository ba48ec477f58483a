using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Security;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Security;

public abstract class PersonalDataTests(DatabaseFixture database) : DatabaseTest(database)
{
    /// <summary>A member with a role, a membership, an article, a 2FA token and an audit line as actor.</summary>
    private async Task<(Guid UserId, Guid ArticleId)> SeedMemberAsync()
    {
        var userId = Guid.NewGuid();
        var roleId = Guid.NewGuid();
        var organisationId = Guid.NewGuid();
        var articleId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var suffix = userId.ToString("N")[..8];
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync("""
            INSERT INTO Users (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, ApprovalStatus, CreatedAt)
            VALUES (@UserId, @UserName, @NormalizedUserName, @Email, @NormalizedEmail, 1, 'hash', 'stamp', 'c', '0612345678', 1, 1, 1, 0, 'Anna de Vries', 'Approved', @Now);
            INSERT INTO Roles (Id, Name, NormalizedName) VALUES (@RoleId, @RoleName, @RoleName);
            INSERT INTO UserRoles (UserId, RoleId) VALUES (@UserId, @RoleId);
            INSERT INTO UserTokens (UserId, LoginProvider, Name, Value) VALUES (@UserId, '[AspNetUserStore]', 'AuthenticatorKey', 'GEHEIM');
            INSERT INTO Organisations (Id, Slug, Name, Kind, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt)
            VALUES (@OrganisationId, @Slug, 'Gemeente Voorbeeld', 'Gemeente', '', '', @Now, @Now);
            INSERT INTO Memberships (UserId, OrganisationId, IsContactPerson, JobTitle, CreatedAt) VALUES (@UserId, @OrganisationId, 1, 'Beleidsadviseur groen', @Now);
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, AuthorId, AuthorName, CreatedAt, UpdatedAt)
            VALUES (@ArticleId, @Slug, 'Bomen in de stad', 's', 'Public', @UserId, 'Anna de Vries', @Now, @Now);
            INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText) VALUES (@ArticleId, 'b', 'b', 'b');
            INSERT INTO FeedTokens (UserId, TokenHash, CreatedAt) VALUES (@UserId, @TokenHash, @Now);
            """, new
        {
            UserId = userId,
            UserName = "anna" + suffix,
            NormalizedUserName = "ANNA" + suffix.ToUpperInvariant(),
            Email = $"anna{suffix}@example.nl",
            NormalizedEmail = $"ANNA{suffix}@EXAMPLE.NL",
            Now = now,
            RoleId = roleId,
            RoleName = "Rol" + suffix,
            OrganisationId = organisationId,
            Slug = "s" + suffix,
            ArticleId = articleId,
            TokenHash = new string('a', 56) + suffix,
        });
        await AuditLog.WriteAsync(connection, null, new AuditEntry("article.created", "Article", articleId, "Artikel geschreven", userId, "Anna de Vries"), Ct);
        return (userId, articleId);
    }

    [Fact]
    public async Task The_export_holds_account_roles_memberships_authored_content_and_own_audit_lines()
    {
        var (userId, _) = await SeedMemberAsync();

        var export = (await new PersonalData(Db).ExportAsync(userId, Ct))!;

        export.Account.DisplayName.ShouldBe("Anna de Vries");
        export.Account.Email.ShouldNotBeNull().ShouldStartWith("anna");
        export.Account.TwoFactorEnabled.ShouldBeTrue();
        export.Roles.Count.ShouldBe(1);
        export.Memberships.Single().JobTitle.ShouldBe("Beleidsadviseur groen");
        export.Authored.Single().Title.ShouldBe("Bomen in de stad");
        export.AuditLines.Single().Summary.ShouldBe("Artikel geschreven");
        export.Account.PersonalFeedSince.ShouldNotBeNull();
    }

    [Fact]
    public async Task Erasing_anonymises_the_account_and_keeps_the_content_as_written_by_a_former_member()
    {
        var (userId, articleId) = await SeedMemberAsync();

        (await new PersonalData(Db).EraseAsync(userId, Ct)).ShouldBeTrue();

        await using var connection = await Db.OpenAsync(Ct);
        var user = await connection.QuerySingleAsync<(string DisplayName, string? Email, string? PasswordHash, string? PhoneNumber, long TwoFactorEnabled, string SecurityStamp)>(
            "SELECT DisplayName, Email, PasswordHash, PhoneNumber, TwoFactorEnabled, SecurityStamp FROM Users WHERE Id = @userId", new { userId });
        user.DisplayName.ShouldBe("voormalig lid");
        user.Email.ShouldBeNull();
        user.PasswordHash.ShouldBeNull();
        user.PhoneNumber.ShouldBeNull();
        user.TwoFactorEnabled.ShouldBe(0);
        user.SecurityStamp.ShouldNotBe("stamp");
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM UserRoles WHERE UserId = @userId", new { userId })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM UserTokens WHERE UserId = @userId", new { userId })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Memberships WHERE UserId = @userId", new { userId })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM FeedTokens WHERE UserId = @userId", new { userId })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<string>("SELECT AuthorName FROM Articles WHERE Id = @articleId", new { articleId })).ShouldBe("voormalig lid");
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @userId AND Action = 'account.erased'", new { userId })).ShouldBe(1);
    }

    [Fact]
    public async Task Erasing_twice_or_an_unknown_account_changes_nothing()
    {
        var (userId, _) = await SeedMemberAsync();
        var data = new PersonalData(Db);

        (await data.EraseAsync(userId, Ct)).ShouldBeTrue();
        (await data.EraseAsync(userId, Ct)).ShouldBeFalse();
        (await data.EraseAsync(Guid.NewGuid(), Ct)).ShouldBeFalse();
        (await data.ExportAsync(Guid.NewGuid(), Ct)).ShouldBeNull();
    }
}

public sealed class PersonalDataTestsOnSqlite(SqliteFixture database) : PersonalDataTests(database), IClassFixture<SqliteFixture>;

public sealed class PersonalDataTestsOnSqlServer(SqlServerFixture database) : PersonalDataTests(database), IClassFixture<SqlServerFixture>;
