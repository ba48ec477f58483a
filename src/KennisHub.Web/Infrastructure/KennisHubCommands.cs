using KennisHub.Core.Content;
using KennisHub.Core.Data;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// Command-line verbs of the one executable: <c>migrate</c> (apply db/ migrations), <c>import [--folder path]</c>
/// (import content/), <c>backup &lt;file&gt;</c>, <c>seed-bulk</c> (a generated corpus for benchmarks), <c>reindex</c> (rebuild the search index), more added per feature.
/// Returns true when a command ran, so the host does not start serving.
/// </summary>
public static class KennisHubCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var verb = FindVerb(args);
        switch (verb)
        {
            case null:
                return false;
            case "migrate":
                var applied = app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
                Console.WriteLine(applied.Count == 0
                    ? "De database is al bijgewerkt."
                    : $"Uitgevoerd: {string.Join(", ", applied)}");
                return true;
            case "import":
                return await ImportAsync(app, args);
            case "backup":
                Environment.ExitCode = await Security.BackupCommand.RunAsync(app.Services, args);
                return true;
            case "seed-bulk":
                Environment.ExitCode = await SeedBulkCommand.RunAsync(app.Services, args, Spectre.Console.AnsiConsole.Console, app.Lifetime.ApplicationStopping);
                return true;
            case "reindex":
                Environment.ExitCode = await ReindexCommand.RunAsync(app.Services, Spectre.Console.AnsiConsole.Console, app.Lifetime.ApplicationStopping);
                return true;
            default:
                await Console.Error.WriteLineAsync($"Onbekende opdracht '{verb}'. Bekend: migrate, import, backup, seed-bulk, reindex.");
                Environment.ExitCode = 2;
                return true;
        }
    }

    /// <summary>Migrates, imports the content folder with progress on the console, and ends with a summary.</summary>
    private static async Task<bool> ImportAsync(WebApplication app, string[] args)
    {
        app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        var options = app.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
        // --folder is relative to where the command runs; the configured or default folder to the content root.
        var folder = OptionValue(args, "--folder") is { } given
            ? Path.GetFullPath(given)
            : ContentOptions.Resolve(options.Folder, app.Environment.ContentRootPath);
        if (folder is null)
        {
            await Console.Error.WriteLineAsync("Geen contentmap gevonden: geef er een op met --folder <map>.");
            Environment.ExitCode = 2;
            return true;
        }

        Console.WriteLine($"Importeren uit {folder}...");
        var summary = await app.Services.GetRequiredService<ContentImporter>()
            .ImportAsync(folder, new ConsoleProgress(), app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Klaar: {summary.New} nieuw, {summary.Changed} gewijzigd, {summary.Unchanged} ongewijzigd, {summary.Errors.Count} fouten.");
        if (summary.HasErrors)
        {
            Environment.ExitCode = 1;
        }

        return true;
    }

    /// <summary>The value after "--name" or in "--name=value".</summary>
    internal static string? OptionValue(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    /// <summary>Prints each step as it happens (synchronously, so lines keep their order); unchanged items stay quiet.</summary>
    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            switch (value.Outcome)
            {
                case ImportOutcome.New:
                    Console.WriteLine($"  nieuw      {value.Source}: {value.Message}");
                    break;
                case ImportOutcome.Changed:
                    Console.WriteLine($"  gewijzigd  {value.Source}: {value.Message}");
                    break;
                case ImportOutcome.Enriched:
                    Console.WriteLine($"  aangevuld  {value.Source}: {value.Message}");
                    break;
                case ImportOutcome.Error:
                    Console.Error.WriteLine($"  FOUT       {value.Message}");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The first bare word, skipping "--key value" pairs and "key=value" settings.</summary>
    internal static string? FindVerb(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-'))
            {
                if (!arg.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            if (!arg.Contains('=', StringComparison.Ordinal))
            {
                return arg;
            }
        }

        return null;
    }
}
