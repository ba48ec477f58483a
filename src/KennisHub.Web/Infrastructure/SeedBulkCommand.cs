using System.Globalization;
using KennisHub.Core.Bulk;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// <c>seed-bulk [--articles N] [--themes N] [--organisations N] [--members N] [--seed N] [--min-words N]
/// [--max-words N] [--password P]</c>: fills the configured database with a generated Dutch corpus for benchmarks
/// (docs/BENCHMARKS.md), with a progress bar. Every member signs in with the one password (printed at the end).
/// Refuses a database that was filled before.
/// </summary>
public static class SeedBulkCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        BulkSeedOptions options;
        string password;
        try
        {
            password = KennisHubCommands.OptionValue(args, "--password") ?? DemoAccounts.RandomPassword();
            if (password.Length < 12)
            {
                throw new FormatException("--password moet minstens 12 tekens hebben, zoals elk wachtwoord op de site.");
            }

            var defaults = new BulkSeedOptions { PasswordHash = string.Empty };
            options = defaults with
            {
                Articles = Number(args, "--articles", defaults.Articles, 0),
                Themes = Number(args, "--themes", defaults.Themes, 0),
                Organisations = Number(args, "--organisations", defaults.Organisations, 1),
                Members = Number(args, "--members", defaults.Members, 1),
                Seed = Number(args, "--seed", defaults.Seed, 0),
                MinWords = Number(args, "--min-words", defaults.MinWords, 1),
                MaxWords = Number(args, "--max-words", defaults.MaxWords, 1),
            };
            if (options.MaxWords < options.MinWords)
            {
                throw new FormatException("--max-words mag niet kleiner zijn dan --min-words.");
            }
        }
        catch (FormatException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return 2;
        }

        services.GetRequiredService<DatabaseMigrator>().Migrate();
        foreach (var step in services.GetServices<IFirstRunStep>().OfType<EnsureRolesStep>())
        {
            await step.RunAsync(cancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            // One hash for everyone: PBKDF2 is slow on purpose, 10,000 of them would take minutes.
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<KennisHubUser>>();
            options = options with { PasswordHash = hasher.HashPassword(new KennisHubUser(), password) };
        }

        Say(console, $"Vullen: {options.Articles:N0} kennisartikelen ({options.MinWords}-{options.MaxWords} woorden), {options.Themes:N0} thema's, {options.Organisations:N0} organisaties, {options.Members:N0} leden (seed {options.Seed}).");
        var seeder = services.GetRequiredService<BulkSeeder>();
        BulkSeedSummary summary;
        try
        {
            summary = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    var progress = new Progress(context, tasks);
                    var result = await seeder.SeedAsync(options, progress, cancellationToken);
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                        task.StopTask();
                    }

                    return result;
                });
        }
        catch (BulkSeedException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return 1;
        }

        Say(console, $"Klaar in {summary.Elapsed.TotalSeconds:N1} s: {summary.Articles:N0} kennisartikelen, {summary.Themes:N0} thema's, {summary.Organisations:N0} organisaties, {summary.Members:N0} leden, {summary.Revisions:N0} versies.");
        Say(console, $"Inloggen kan als {DutchTextGenerator.MemberEmail(0)} (Beheerder) tot en met {DutchTextGenerator.MemberEmail(options.Members - 1)}, wachtwoord: {password}");
        return 0;
    }

    /// <summary>Numbers the Dutch way (100.000, 12,5), and no markup from the text itself.</summary>
    private static void Say(IAnsiConsole console, FormattableString text) => console.WriteLine(text.ToString(Dutch));

    private static int Number(string[] args, string name, int fallback, int minimum)
    {
        var text = KennisHubCommands.OptionValue(args, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new FormatException($"{name} verwacht een geheel getal van minstens {minimum}, niet '{text}'.");
    }

    /// <summary>One progress bar per stage, made when the stage first reports.</summary>
    private sealed class Progress(ProgressContext context, Dictionary<string, ProgressTask> tasks) : IProgress<BulkSeedProgress>
    {
        public void Report(BulkSeedProgress value)
        {
            lock (tasks)
            {
                if (!tasks.TryGetValue(value.Stage, out var task))
                {
                    task = context.AddTask(value.Stage, maxValue: Math.Max(1, value.Total));
                    tasks[value.Stage] = task;
                }

                task.Value = value.Done;
            }
        }
    }
}
