using KennisHub.Core.Audit;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Audit;

public abstract class AuditLogQueryTests(DatabaseFixture database) : DatabaseTest(database)
{
    private async Task<string> WriteLinesAsync(int count, string action = "test.done", string subjectKind = "Test", string actor = "Tester")
    {
        var kind = subjectKind + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await Db.OpenAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            await AuditLog.WriteAsync(connection, null, new AuditEntry(action, kind, Guid.NewGuid(), $"Regel {i}", Guid.NewGuid(), actor), Ct);
        }

        return kind;
    }

    [Fact]
    public async Task Lines_come_newest_first_and_page_without_overlap()
    {
        var kind = await WriteLinesAsync(5);
        var query = new AuditLogQuery(Db);

        var first = await query.FindAsync(new AuditFilter(SubjectKind: kind), 1, 3, Ct);
        var second = await query.FindAsync(new AuditFilter(SubjectKind: kind), 2, 3, Ct);

        first.Lines.Count.ShouldBe(3);
        first.HasMore.ShouldBeTrue();
        second.Lines.Count.ShouldBe(2);
        second.HasMore.ShouldBeFalse();
        var all = first.Lines.Concat(second.Lines).ToList();
        all.Select(l => l.Summary).ShouldBe(["Regel 4", "Regel 3", "Regel 2", "Regel 1", "Regel 0"]);
        all.Select(l => l.OccurredAt).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Filters_on_action_actor_name_and_period_combine()
    {
        var kind = await WriteLinesAsync(2, "article.created", actor: "Anna de Vries");
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await AuditLog.WriteAsync(connection, null, new AuditEntry("article.deleted", kind, null, "Weg", null, "Bram_100%"), Ct);
        }

        var query = new AuditLogQuery(Db);
        (await query.FindAsync(new AuditFilter(Action: "article.deleted", SubjectKind: kind), 1, cancellationToken: Ct)).Lines.Single().Summary.ShouldBe("Weg");
        (await query.FindAsync(new AuditFilter(SubjectKind: kind, ActorName: "de vries"), 1, cancellationToken: Ct)).Lines.Count.ShouldBe(2);
        (await query.FindAsync(new AuditFilter(SubjectKind: kind, ActorName: "_100%"), 1, cancellationToken: Ct)).Lines.Single().ActorName.ShouldBe("Bram_100%");
        (await query.FindAsync(new AuditFilter(SubjectKind: kind, ActorName: "%"), 1, cancellationToken: Ct)).Lines.Single().ActorName.ShouldBe("Bram_100%");
        (await query.FindAsync(new AuditFilter(SubjectKind: kind, From: DateTimeOffset.UtcNow.AddMinutes(1)), 1, cancellationToken: Ct)).Lines.ShouldBeEmpty();
        (await query.FindAsync(new AuditFilter(SubjectKind: kind, From: DateTimeOffset.UtcNow.AddMinutes(-5), Until: DateTimeOffset.UtcNow.AddMinutes(1)), 1, cancellationToken: Ct)).Lines.Count.ShouldBe(3);
        (await query.FindAsync(new AuditFilter(SubjectKind: kind, Until: DateTimeOffset.UtcNow.AddMinutes(-5)), 1, cancellationToken: Ct)).Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_choices_list_the_actions_and_subject_kinds_in_the_log()
    {
        var kind = await WriteLinesAsync(1, "choice.made");
        var (actions, kinds) = await new AuditLogQuery(Db).ChoicesAsync(Ct);

        actions.ShouldContain("choice.made");
        kinds.ShouldContain(kind);
    }

    [Fact]
    public void The_query_type_offers_no_way_to_change_or_delete_lines()
    {
        typeof(AuditLogQuery).GetMethods().Select(m => m.Name)
            .ShouldNotContain(name => name.StartsWith("Update", StringComparison.Ordinal) || name.StartsWith("Delete", StringComparison.Ordinal));
    }
}

public sealed class AuditLogQueryTestsOnSqlite(SqliteFixture database) : AuditLogQueryTests(database), IClassFixture<SqliteFixture>;

public sealed class AuditLogQueryTestsOnSqlServer(SqlServerFixture database) : AuditLogQueryTests(database), IClassFixture<SqlServerFixture>;
