using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Data;

/// <summary>
/// Guid, DateTimeOffset and bool written and read through Dapper (with DapperTypeHandlers) come back equal on each
/// provider, and times sort by instant (on SQLite they are text, stored in UTC so that text order is time order).
/// </summary>
public abstract class TypeRoundTripTests(DatabaseFixture database) : DatabaseTest(database)
{
    private const string Insert = """
        INSERT INTO Users (Id, UserName, NormalizedUserName, EmailConfirmed, LockoutEnd, LockoutEnabled, DisplayName, LastAuthenticatorTimeStep, CreatedAt)
        VALUES (@Id, @UserName, @NormalizedUserName, @EmailConfirmed, @LockoutEnd, @LockoutEnabled, @DisplayName, @LastAuthenticatorTimeStep, @CreatedAt)
        """;

    private const string Select = """
        SELECT Id, UserName, EmailConfirmed, LockoutEnd, LockoutEnabled, LastAuthenticatorTimeStep, CreatedAt
        FROM Users
        WHERE Id = @Id
        """;

    [Fact]
    public async Task Guid_time_and_bool_values_read_back_as_written()
    {
        var written = NewUser(
            createdAt: new DateTimeOffset(2026, 3, 29, 2, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            lockoutEnd: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
            emailConfirmed: true,
            lockoutEnabled: false,
            timeStep: 58_000_000_123L);

        var read = await RoundTripAsync(written);

        read.Id.ShouldBe(written.Id);
        read.EmailConfirmed.ShouldBeTrue();
        read.LockoutEnabled.ShouldBeFalse();
        read.LastAuthenticatorTimeStep.ShouldBe(58_000_000_123L);
        read.CreatedAt.ShouldBe(written.CreatedAt); // the same instant, to the tick
        read.CreatedAt.Offset.ShouldBe(TimeSpan.Zero); // stored and read in UTC
        read.LockoutEnd.ShouldBe(written.LockoutEnd);
    }

    [Fact]
    public async Task Absent_values_read_back_as_null_and_false()
    {
        var read = await RoundTripAsync(NewUser(DateTimeOffset.UtcNow, lockoutEnd: null, emailConfirmed: false, lockoutEnabled: true, timeStep: null));

        read.LockoutEnd.ShouldBeNull();
        read.LastAuthenticatorTimeStep.ShouldBeNull();
        read.EmailConfirmed.ShouldBeFalse();
        read.LockoutEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Times_written_with_different_offsets_sort_by_instant_and_compare_as_parameters()
    {
        var prefix = "sort-" + Guid.NewGuid().ToString("N")[..8];
        var amsterdamMorning = NewUser(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)), null, false, true, null, prefix + "-a"); // 08:00Z
        var utcNine = NewUser(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), null, false, true, null, prefix + "-b");
        await RoundTripAsync(utcNine);
        await RoundTripAsync(amsterdamMorning);

        await using var connection = await Db.OpenAsync(Ct);
        var order = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT UserName FROM Users WHERE UserName LIKE @Prefix ORDER BY CreatedAt", new { Prefix = prefix + "%" }, cancellationToken: Ct));
        var after = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT UserName FROM Users WHERE UserName LIKE @Prefix AND CreatedAt > @Since",
            new { Prefix = prefix + "%", Since = new DateTimeOffset(2026, 6, 1, 10, 30, 0, TimeSpan.FromHours(2)) }, cancellationToken: Ct)); // 08:30Z

        order.ShouldBe([amsterdamMorning.UserName, utcNine.UserName]);
        after.ShouldBe([utcNine.UserName]);
    }

    private async Task<UserRow> RoundTripAsync(UserRow user)
    {
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            user.Id,
            user.UserName,
            NormalizedUserName = user.UserName.ToUpperInvariant(),
            user.EmailConfirmed,
            user.LockoutEnd,
            user.LockoutEnabled,
            DisplayName = "Test",
            user.LastAuthenticatorTimeStep,
            user.CreatedAt,
        }, cancellationToken: Ct));
        return await connection.QuerySingleAsync<UserRow>(new CommandDefinition(Select, new { user.Id }, cancellationToken: Ct));
    }

    private static UserRow NewUser(DateTimeOffset createdAt, DateTimeOffset? lockoutEnd, bool emailConfirmed, bool lockoutEnabled, long? timeStep, string? userName = null)
    {
        var id = Guid.NewGuid();
        return new UserRow
        {
            Id = id,
            UserName = userName ?? "user-" + id.ToString("N"),
            CreatedAt = createdAt,
            LockoutEnd = lockoutEnd,
            EmailConfirmed = emailConfirmed,
            LockoutEnabled = lockoutEnabled,
            LastAuthenticatorTimeStep = timeStep,
        };
    }

    private sealed class UserRow
    {
        public Guid Id { get; init; }

        public string UserName { get; init; } = "";

        public bool EmailConfirmed { get; init; }

        public DateTimeOffset? LockoutEnd { get; init; }

        public bool LockoutEnabled { get; init; }

        public long? LastAuthenticatorTimeStep { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}

/// <summary>How SQLite stores what the handlers write: Guids as text (so keys compare with stored text), times as UTC ISO text.</summary>
public sealed class SqliteStorageTests(SqliteFixture database) : DatabaseTest(database), IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Guids_are_stored_as_text_and_times_as_sortable_UTC_text()
    {
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO Keywords (Id, Slug, Name) VALUES (@Id, @Slug, @Name)", new { Id = id, Slug = id.ToString("N"), Name = "Groen" }, cancellationToken: Ct));
        await AuditLog.WriteAsync(connection, null, new AuditEntry("keyword.created", "Keyword", id, "Aangemaakt", null, "Test"), Ct);

        var stored = await connection.QuerySingleAsync<(string Type, string Text)>(new CommandDefinition(
            "SELECT typeof(Id), Id FROM Keywords WHERE Slug = @Slug", new { Slug = id.ToString("N") }, cancellationToken: Ct));
        var occurredAt = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT OccurredAt FROM AuditLog WHERE SubjectId = @Id", new { Id = id }, cancellationToken: Ct));

        stored.ShouldBe(("text", id.ToString("D")));
        occurredAt.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$");
    }
}

public sealed class TypeRoundTripTestsOnSqlite(SqliteFixture database) : TypeRoundTripTests(database), IClassFixture<SqliteFixture>;

public sealed class TypeRoundTripTestsOnSqlServer(SqlServerFixture database) : TypeRoundTripTests(database), IClassFixture<SqlServerFixture>;
