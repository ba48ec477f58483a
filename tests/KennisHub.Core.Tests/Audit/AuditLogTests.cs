using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Audit;

public abstract class AuditLogTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task A_written_entry_reads_back_with_its_keys_and_time()
    {
        var actor = Guid.NewGuid();
        var subject = Guid.NewGuid();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await using (var connection = await Db.OpenAsync(Ct))
        {
            await AuditLog.WriteAsync(connection, null, new AuditEntry("article.created", "Article", subject, "Aangemaakt", actor, "Test"), Ct);
        }

        await using var read = await Db.OpenAsync(Ct);
        var row = await read.QuerySingleAsync<(Guid ActorId, Guid SubjectId, DateTimeOffset OccurredAt)>(
            "SELECT ActorId, SubjectId, OccurredAt FROM AuditLog WHERE SubjectId = @subject", new { subject });
        row.ActorId.ShouldBe(actor);
        row.SubjectId.ShouldBe(subject);
        row.OccurredAt.ShouldBeGreaterThan(before);
    }
}

public sealed class AuditLogTestsOnSqlite(SqliteFixture database) : AuditLogTests(database), IClassFixture<SqliteFixture>;

public sealed class AuditLogTestsOnSqlServer(SqlServerFixture database) : AuditLogTests(database), IClassFixture<SqlServerFixture>;
