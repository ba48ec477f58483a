using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Data;

/// <summary>The Version-column pattern on each provider: a stale save is a conflict, of two writers exactly one wins.</summary>
public abstract class VersionedUpdateTests(DatabaseFixture database) : DatabaseTest(database)
{
    private const string Rename = """
        UPDATE Organisations
        SET Name = @Name, UpdatedAt = @UpdatedAt, Version = Version + 1
        WHERE Id = @Id AND Version = @Version
        """;

    [Fact]
    public async Task A_save_with_the_loaded_version_bumps_the_version()
    {
        var id = await InsertOrganisationAsync();

        await using (var connection = await Db.OpenAsync(Ct))
        {
            await connection.ExecuteVersionedUpdateAsync(Command(id, "Gemeente Nieuw", version: 1));
        }

        (await ReadAsync(id)).ShouldBe(("Gemeente Nieuw", 2));
    }

    [Fact]
    public async Task A_save_with_a_stale_version_is_an_edit_conflict_and_changes_nothing()
    {
        var id = await InsertOrganisationAsync();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteVersionedUpdateAsync(Command(id, "Eerste", version: 1));

        await Should.ThrowAsync<EditConflictException>(() => connection.ExecuteVersionedUpdateAsync(Command(id, "Tweede", version: 1)));

        (await ReadAsync(id)).ShouldBe(("Eerste", 2));
    }

    [Fact]
    public async Task A_writer_waiting_on_another_writers_transaction_loses_once_it_commits()
    {
        var id = await InsertOrganisationAsync();
        await using var first = await Db.OpenAsync(Ct);
        await using var firstTransaction = await first.BeginTransactionAsync(Ct);
        await first.ExecuteVersionedUpdateAsync(Command(id, "Eerste", version: 1, firstTransaction));

        // The second writer loaded version 1 too; its UPDATE waits on the first writer's lock (or runs after it).
        var second = Task.Run(async () =>
        {
            await using var connection = await Db.OpenAsync(Ct);
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await connection.ExecuteVersionedUpdateAsync(Command(id, "Tweede", version: 1, transaction));
            await transaction.CommitAsync(Ct);
        }, Ct);
        await firstTransaction.CommitAsync(Ct);

        await Should.ThrowAsync<EditConflictException>(() => second);
        (await ReadAsync(id)).ShouldBe(("Eerste", 2));
    }

    [Fact]
    public async Task Of_several_concurrent_writers_of_the_same_version_exactly_one_wins()
    {
        var id = await InsertOrganisationAsync();
        var names = Enumerable.Range(1, 4).Select(n => $"Schrijver {n}").ToList();

        var outcomes = await Task.WhenAll(names.Select(name => Task.Run(async () =>
        {
            await using var connection = await Db.OpenAsync(Ct);
            try
            {
                await connection.ExecuteVersionedUpdateAsync(Command(id, name, version: 1));
                return name;
            }
            catch (EditConflictException)
            {
                return null;
            }
        }, Ct)));

        var winner = outcomes.OfType<string>().ShouldHaveSingleItem();
        (await ReadAsync(id)).ShouldBe((winner, 2));
    }

    [Fact]
    public async Task A_statement_without_a_version_filter_is_refused()
    {
        await using var connection = await Db.OpenAsync(Ct);

        await Should.ThrowAsync<ArgumentException>(() => connection.ExecuteVersionedUpdateAsync(
            new CommandDefinition("UPDATE Organisations SET Name = @Name WHERE Id = @Id", new { Name = "x", Id = Guid.NewGuid() }, cancellationToken: Ct)));
    }

    private static CommandDefinition Command(Guid id, string name, int version, System.Data.Common.DbTransaction? transaction = null)
        => new(Rename, new { Id = id, Name = name, UpdatedAt = DateTimeOffset.UtcNow, Version = version }, transaction, cancellationToken: Ct);

    private async Task<Guid> InsertOrganisationAsync()
    {
        const string Sql = """
            INSERT INTO Organisations (Id, Slug, Name, Kind, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Name, @Kind, @DescriptionMarkdown, @DescriptionHtml, @CreatedAt, @UpdatedAt)
            """;
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = id,
            Slug = "gemeente-" + id.ToString("N"),
            Name = "Gemeente Oud",
            Kind = "Gemeente",
            DescriptionMarkdown = "",
            DescriptionHtml = "",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        }, cancellationToken: Ct));
        return id;
    }

    private async Task<(string Name, int Version)> ReadAsync(Guid id)
    {
        await using var connection = await Db.OpenAsync(Ct);
        var row = await connection.QuerySingleAsync(new CommandDefinition("SELECT Name, Version FROM Organisations WHERE Id = @Id", new { Id = id }, cancellationToken: Ct));
        return ((string)row.Name, Convert.ToInt32(row.Version, System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class VersionedUpdateTestsOnSqlite(SqliteFixture database) : VersionedUpdateTests(database), IClassFixture<SqliteFixture>;

public sealed class VersionedUpdateTestsOnSqlServer(SqlServerFixture database) : VersionedUpdateTests(database), IClassFixture<SqlServerFixture>;
