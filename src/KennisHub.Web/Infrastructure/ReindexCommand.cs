using System.Diagnostics;
using KennisHub.Core.Data;
using KennisHub.Core.Search;
using Spectre.Console;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// <c>reindex</c>: rebuilds the search index from the items (after <c>seed-bulk</c>, which writes no index, or to
/// repair one), with a progress bar. Batches of one transaction each; searching works meanwhile on what is done.
/// </summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        var db = services.GetRequiredService<Db>();
        var clock = Stopwatch.StartNew();
        var total = 0;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Zoekindex opbouwen", maxValue: 1);
                var progress = new SynchronousProgress<(int Done, int Total)>(p =>
                {
                    total = p.Total;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                await SearchIndex.RebuildAsync(db, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        console.MarkupLineInterpolated($"Klaar: {total:N0} items in de zoekindex in {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
