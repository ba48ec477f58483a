using BenchmarkDotNet.Attributes;
using Dapper;
using KennisHub.Core.Bulk;
using KennisHub.Core.Data;
using KennisHub.Core.Editing;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;

namespace KennisHub.Benchmarks;

/// <summary>
/// The history pages' reads on a SQLite file (synchronous=FULL, WAL, as the site runs): one public article with
/// 1,000 revisions of a generated ~2,000-word text. The newest page, the last (oldest) page and a far comparison
/// (revision 1 against 1,000: both texts in one query, then the word diff). A page is two round trips whatever
/// the length of the history: the item with its latest number, then one range seek on the numbers.
/// </summary>
[MemoryDiagnoser]
public class HistoryBenchmarks
{
    private const int Revisions = 1_000;
    private const string Slug = "geschiedenis-benchmark";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-bench", Guid.NewGuid().ToString("N"));
    private HistoryQueries history = null!;

    [GlobalSetup]
    public void Setup()
    {
        var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
        new DatabaseMigrator(db).Migrate();
        history = new HistoryQueries(db);
        SeedAsync(db).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> NewestHistoryPage()
        => (await history.HistoryAsync(Reader.Visitor, SubjectKinds.Article, Slug, 1, 50))!.Value.Revisions.Items.Count;

    [Benchmark]
    public async Task<int> OldestHistoryPage()
        => (await history.HistoryAsync(Reader.Visitor, SubjectKinds.Article, Slug, 20, 50))!.Value.Revisions.Items.Count;

    [Benchmark]
    public async Task<int> CompareFirstWithLast()
    {
        var (_, revisions) = await history.RevisionsAsync(Reader.Visitor, SubjectKinds.Article, Slug, 1, Revisions);
        return ProseDiff.Compare(revisions[0].Markdown, revisions[1].Markdown).WordsAdded;
    }

    private static async Task SeedAsync(Db db)
    {
        var id = Guid.NewGuid();
        var text = new DutchTextGenerator(seed: 2026).Article(1, 2_000, 2_000).Markdown;
        var paragraphs = text.Split("\n\n");
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, CurrentRevision, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, 'Geschiedenis', '', 'Public', @Revisions, @Now, @Now)
            """, new { Id = id, Slug, Revisions, Now = DateTimeOffset.UtcNow }, transaction);
        for (var i = 1; i <= Revisions; i++)
        {
            // Each save changes one paragraph, as an editor's save does.
            paragraphs[i % paragraphs.Length] += $" Wijziging {i}.";
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Article, id, "Geschiedenis", string.Join("\n\n", paragraphs), "", $"Wijziging {i}", null);
        }

        await transaction.CommitAsync();
    }
}
