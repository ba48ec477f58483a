using KennisHub.Core.Data;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// Command-line verbs of the one executable: <c>migrate</c> (apply db/ migrations), more added per feature.
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
            case "backup":
                Environment.ExitCode = await Security.BackupCommand.RunAsync(app.Services, args);
                return true;
            default:
                await Console.Error.WriteLineAsync($"Onbekende opdracht '{verb}'. Bekend: migrate, backup.");
                Environment.ExitCode = 2;
                return true;
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
