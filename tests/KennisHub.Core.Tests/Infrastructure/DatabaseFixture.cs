using KennisHub.Core.Data;

namespace KennisHub.Core.Tests.Infrastructure;

/// <summary>
/// A migrated, throw-away database for data tests. Data tests are written once, as an abstract class taking a
/// <see cref="DatabaseFixture"/>, and run per provider by two sealed subclasses:
/// <code>
/// public abstract class UserStoreTests(DatabaseFixture database) : DatabaseTest(database) { [Fact] ... }
/// public sealed class UserStoreTestsOnSqlite(SqliteFixture f) : UserStoreTests(f), IClassFixture&lt;SqliteFixture&gt;;
/// public sealed class UserStoreTestsOnSqlServer(SqlServerFixture f) : UserStoreTests(f), IClassFixture&lt;SqlServerFixture&gt;;
/// </code>
/// Where a provider is unavailable the tests report as skipped, with the reason, never silently passed.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private Db? db;

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? SkipReason { get; protected set; }

    public Db Db => db ?? throw new InvalidOperationException("De testdatabase is niet gestart.");

    public async ValueTask InitializeAsync()
    {
        SkipReason = await FindSkipReasonAsync();
        if (SkipReason is null)
        {
            db = await CreateAsync();
            new DatabaseMigrator(db).Migrate();
        }
    }

    protected virtual Task<string?> FindSkipReasonAsync() => Task.FromResult<string?>(null);

    protected abstract Task<Db> CreateAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Base of a data test: <see cref="Db"/> skips the test (with the fixture's reason) when the provider is absent.</summary>
public abstract class DatabaseTest(DatabaseFixture database)
{
    protected Db Db
    {
        get
        {
            if (database.SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }

            return database.Db;
        }
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}

/// <summary>SQLite in a temporary file: always available.</summary>
public sealed class SqliteFixture : DatabaseFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));

    protected override Task<Db> CreateAsync()
        => Task.FromResult(new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
