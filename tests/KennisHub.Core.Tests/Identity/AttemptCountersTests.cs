using KennisHub.Core.Identity;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Identity;

public abstract class AttemptCountersTests(DatabaseFixture database) : DatabaseTest(database)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Attempts_are_counted_per_subject_start_again_after_their_window_and_can_be_cleared()
    {
        var counters = new AttemptCounters(Db);
        var start = DateTimeOffset.UtcNow;
        var mine = "test:" + Guid.NewGuid().ToString("N");
        var other = "test:" + Guid.NewGuid().ToString("N");

        await counters.RecordAsync([mine, other], start, start - Hour, Ct);
        await counters.RecordAsync([mine], start.AddMinutes(1), start.AddMinutes(1) - Hour, Ct);
        var counts = (await counters.GetAsync([mine, other], start.AddMinutes(2) - Hour, Ct)).ToDictionary(c => c.Subject);

        counts[mine].Attempts.ShouldBe(2);
        counts[mine].LastAttemptAt.ShouldBe(start.AddMinutes(1), TimeSpan.FromMilliseconds(1));
        counts[other].Attempts.ShouldBe(1);

        // After the window a counter is not reported, and the next attempt starts it at 1 again.
        (await counters.GetAsync([mine], start.AddMinutes(61) - Hour, Ct)).ShouldBeEmpty();
        await counters.RecordAsync([mine], start.AddMinutes(61), start.AddMinutes(61) - Hour, Ct);
        (await counters.GetAsync([mine], start.AddMinutes(62) - Hour, Ct)).Single().Attempts.ShouldBe(1);

        await counters.ClearAsync([mine], Ct);
        (await counters.GetAsync([mine, other], start - Hour, Ct)).Select(c => c.Subject).ShouldBe([other]);
    }
}

public sealed class AttemptCountersTestsOnSqlite(SqliteFixture database) : AttemptCountersTests(database), IClassFixture<SqliteFixture>;

public sealed class AttemptCountersTestsOnSqlServer(SqlServerFixture database) : AttemptCountersTests(database), IClassFixture<SqlServerFixture>;
