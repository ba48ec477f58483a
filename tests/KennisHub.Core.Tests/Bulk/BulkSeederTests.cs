using Dapper;
using KennisHub.Core.Bulk;
using KennisHub.Core.Markdown;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Bulk;

/// <summary>The seeder's refusals, on every database (the web tests fill a real site and read its pages).</summary>
public abstract class BulkSeederTests(DatabaseFixture database) : DatabaseTest(database)
{
    private static readonly BulkSeedOptions Small = new() { Articles = 3, Themes = 1, Organisations = 1, Members = 2, MinWords = 50, MaxWords = 80, PasswordHash = "x" };

    [Fact]
    public async Task A_database_with_real_accounts_is_refused_and_left_as_it_was()
    {
        const string UserSql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, Email, NormalizedEmail, DisplayName, CreatedAt)
            VALUES (@Id, @Email, @Normalized, @Email, @Normalized, 'Echte Beheerder', @Now)
            """;
        const string CountSql = "SELECT (SELECT COUNT(*) FROM Articles) + (SELECT COUNT(*) FROM Organisations) + (SELECT COUNT(*) FROM Users)";
        await using var connection = await Db.OpenAsync(Ct);
        var email = $"echt-{Guid.NewGuid():N}@gemeente.example";
        await connection.ExecuteAsync(UserSql, new { Id = Guid.NewGuid(), Email = email, Normalized = email.ToUpperInvariant(), Now = DateTimeOffset.UtcNow });
        var before = await connection.ExecuteScalarAsync<long>(CountSql);

        var refusal = await Should.ThrowAsync<BulkSeedException>(() => new BulkSeeder(Db, new MarkdownRenderer()).SeedAsync(Small, cancellationToken: Ct));

        refusal.Message.ShouldContain("alleen voor benchmarkdatabases");
        refusal.Message.ShouldContain("er is niets veranderd");
        (await connection.ExecuteScalarAsync<long>(CountSql)).ShouldBe(before);
    }
}

public sealed class BulkSeederTestsOnSqlite(SqliteFixture database) : BulkSeederTests(database), IClassFixture<SqliteFixture>;

public sealed class BulkSeederTestsOnSqlServer(SqlServerFixture database) : BulkSeederTests(database), IClassFixture<SqlServerFixture>;
