using System.Diagnostics;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Data;

/// <summary>
/// The traps between Dapper and the two providers, fixed once in <see cref="SeamConnection"/> and
/// <see cref="ListPage{T}"/>, proven on each database.
/// </summary>
public abstract class DataSeamTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task An_IN_list_of_Guids_matches_every_stored_key()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await using var connection = await Db.OpenAsync(Ct);
        foreach (var id in ids)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO Keywords (Id, Slug, Name) VALUES (@Id, @Slug, @Name)", new { Id = id, Slug = "k-" + id.ToString("N"), Name = "Groen" }, cancellationToken: Ct));
        }

        var asArray = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT Id FROM Keywords WHERE Id IN @Ids", new { Ids = ids }, cancellationToken: Ct));
        var asList = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT Id FROM Keywords WHERE Id IN @Ids", new { Ids = ids.Take(2).ToList() }, cancellationToken: Ct));
        var one = await connection.QuerySingleAsync<Guid>(new CommandDefinition(
            "SELECT Id FROM Keywords WHERE Id = @Id", new { Id = ids[2] }, cancellationToken: Ct));

        asArray.ShouldBe(ids, ignoreOrder: true);
        asList.ShouldBe(ids.Take(2), ignoreOrder: true);
        one.ShouldBe(ids[2]);
    }

    [Fact]
    public async Task DateTime_parameters_are_the_same_instant_as_the_stored_DateTimeOffsets()
    {
        var prefix = "seam-" + Guid.NewGuid().ToString("N")[..8];
        var eightUtc = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        await using var connection = await Db.OpenAsync(Ct);
        await InsertUserAsync(connection, prefix + "-offset", eightUtc);
        await InsertUserAsync(connection, prefix + "-datetime", new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc));

        var after = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT UserName FROM Users WHERE UserName LIKE @Prefix AND CreatedAt > @Since ORDER BY CreatedAt",
            new { Prefix = prefix + "%", Since = new DateTime(2026, 6, 1, 7, 59, 0, DateTimeKind.Utc) }, cancellationToken: Ct));
        var at = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT UserName FROM Users WHERE UserName LIKE @Prefix AND CreatedAt = @At",
            new { Prefix = prefix + "%", At = eightUtc.UtcDateTime }, cancellationToken: Ct));
        var written = await connection.QuerySingleAsync<DateTimeOffset>(new CommandDefinition(
            "SELECT CreatedAt FROM Users WHERE UserName = @UserName", new { UserName = prefix + "-datetime" }, cancellationToken: Ct));

        after.ShouldBe([prefix + "-offset", prefix + "-datetime"]);
        at.ShouldBe([prefix + "-offset"]);
        written.ShouldBe(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_DateTime_without_a_time_zone_is_refused_rather_than_guessed()
    {
        await using var connection = await Db.OpenAsync(Ct);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => connection.QueryAsync<string>(new CommandDefinition(
            "SELECT UserName FROM Users WHERE CreatedAt > @Since", new { Since = new DateTime(2026, 6, 1, 8, 0, 0) }, cancellationToken: Ct)));

        refused.Message.ShouldContain("DateTimeOffset");
    }

    [Theory]
    [InlineData(int.MaxValue, 20)]
    [InlineData(107_374_183, 20)]
    [InlineData(2, int.MaxValue - 1)]
    public async Task A_huge_page_number_is_an_empty_page_past_the_end_not_an_OFFSET_overflow(int page, int pageSize)
    {
        await using var connection = await Db.OpenAsync(Ct);

        var result = await connection.QueryListPageAsync<string>(
            Db.Dialect.Page("SELECT Slug FROM Keywords ORDER BY Slug"), new { }, page, pageSize, Ct);

        result.Items.ShouldBeEmpty();
        result.IsPastEnd.ShouldBeTrue();
    }

    [Fact]
    public async Task The_largest_page_that_still_fits_an_INT_offset_is_queried_and_found_empty()
    {
        await using var connection = await Db.OpenAsync(Ct);
        ListPage<string>.TrySkip(107_374_181, 20, out var skip).ShouldBeTrue();
        skip.ShouldBe(2_147_483_600);
        ListPage<string>.TrySkip(107_374_183, 20, out _).ShouldBeFalse();

        var result = await connection.QueryListPageAsync<string>(
            Db.Dialect.Page("SELECT Slug FROM Keywords ORDER BY Slug"), new { }, 107_374_181, 20, Ct);

        result.IsPastEnd.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_command_is_reported_with_the_database_it_runs_on()
    {
        var seen = new List<SeamCommandEvent>();
        using var subscription = SeamConnection.Diagnostics.Subscribe(new Observer(e =>
        {
            if (e.Value is SeamCommandEvent command && ReferenceEquals(command.Db, Db))
            {
                lock (seen)
                {
                    seen.Add(command);
                }
            }
        }));

        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM Keywords", cancellationToken: Ct));

        seen.ShouldHaveSingleItem().CommandText.ShouldBe("SELECT COUNT(*) FROM Keywords");
    }

    private static Task InsertUserAsync(System.Data.Common.DbConnection connection, string userName, object createdAt)
        => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt) VALUES (@Id, @UserName, @UserName, 'Proef', @CreatedAt)",
            new { Id = Guid.NewGuid(), UserName = userName, CreatedAt = createdAt }, cancellationToken: Ct));

    private sealed class Observer(Action<KeyValuePair<string, object?>> onNext) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(KeyValuePair<string, object?> value) => onNext(value);
    }
}

/// <summary>How SQLite stores what the seam writes: a DateTime parameter as the same UTC text as a DateTimeOffset.</summary>
public sealed class SqliteSeamStorageTests(SqliteFixture database) : DatabaseTest(database), IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_DateTime_is_stored_as_sortable_UTC_text_and_a_Guid_list_item_as_lower_case_text()
    {
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt) VALUES (@Id, @UserName, @UserName, 'Proef', @CreatedAt)",
            new { Id = id, UserName = "u-" + id.ToString("N"), CreatedAt = new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc) }, cancellationToken: Ct));

        var stored = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT CreatedAt FROM Users WHERE Id IN @Ids", new { Ids = new[] { id } }, cancellationToken: Ct));

        stored.ShouldBe("2026-06-01T10:00:00.0000000Z");
        SeamConnection.Normalise(id, Db.Dialect).ShouldBe(id.ToString("D"));
    }

    [Fact]
    public async Task The_connection_settings_are_made_once_per_pooled_connection_and_hold_on_every_open()
    {
        var file = Path.Combine(Path.GetTempPath(), "kennishub-pool-" + Guid.NewGuid().ToString("N") + ".db");
        var db = new Db(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
        try
        {
            await using (var first = await db.OpenAsync(Ct))
            {
                (await first.QuerySingleAsync<long>("PRAGMA foreign_keys")).ShouldBe(1);
                (await first.QuerySingleAsync<long>("PRAGMA busy_timeout")).ShouldBe(5000);
                await first.ExecuteAsync("PRAGMA busy_timeout = 1234");
            }

            // The same physical connection comes back from the pool with its settings: the setup did not run again.
            await using (var again = await db.OpenAsync(Ct))
            {
                (await again.QuerySingleAsync<long>("PRAGMA busy_timeout")).ShouldBe(1234);
                (await again.QuerySingleAsync<long>("PRAGMA foreign_keys")).ShouldBe(1);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var fresh = await db.OpenAsync(Ct);
            (await fresh.QuerySingleAsync<long>("PRAGMA busy_timeout")).ShouldBe(5000);
            (await fresh.QuerySingleAsync<long>("PRAGMA synchronous")).ShouldBe(2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}

public sealed class DataSeamTestsOnSqlite(SqliteFixture database) : DataSeamTests(database), IClassFixture<SqliteFixture>;

public sealed class DataSeamTestsOnSqlServer(SqlServerFixture database) : DataSeamTests(database), IClassFixture<SqlServerFixture>;
