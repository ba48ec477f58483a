using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Security;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

public sealed class ImportCrashTests
{
    private static readonly string[] Tables = ["Organisations", "Themes", "Articles", "Keywords", "ArticleThemes", "ArticleKeywords", "ThemeKeywords", "Revisions", "AuditLog"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ContentFolder => Path.Combine(Programs.RepositoryRoot, "content");

    [Theory]
    [InlineData(5)]
    [InlineData(120)]
    [InlineData(300)]
    public async Task An_import_killed_hard_midway_leaves_a_sound_file_and_a_rerun_ends_exactly_like_a_clean_import(int killAfterItems)
    {
        using var reference = new TempDatabase();
        (await ImportAsync(reference.ConnectionString)).ShouldBe(0);
        var expected = await CountAsync(reference.ConnectionString);
        expected["Articles"].ShouldBeGreaterThan(0);

        using var database = new TempDatabase();
        var reported = await ImportAndKillAsync(database.ConnectionString, killAfterItems);
        reported.ShouldBeGreaterThanOrEqualTo(killAfterItems);

        (await DatabaseBackup.CheckSqliteIntegrityAsync(database.File, Ct)).ShouldBe("ok");
        var afterKill = await CountAsync(database.ConnectionString);
        afterKill["Articles"].ShouldBeLessThanOrEqualTo(expected["Articles"]);

        (await ImportAsync(database.ConnectionString)).ShouldBe(0);
        var afterRerun = await CountAsync(database.ConnectionString);
        foreach (var table in Tables.Where(t => t != "AuditLog"))
        {
            afterRerun[table].ShouldBe(expected[table], table);
        }
    }

    private static Dictionary<string, string> Environment(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = connectionString,
    };

    /// <summary>Runs the import to the end (at most 120 s) and returns its exit code.</summary>
    private static async Task<int> ImportAsync(string connectionString)
    {
        using var process = Programs.Start(Programs.WebDll, ["import", "--folder", ContentFolder], Environment(connectionString));
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await output;
        (await error).ShouldBeEmpty();
        return process.ExitCode;
    }

    /// <summary>Starts the import and kills it hard once it reported <paramref name="items"/> new items (bounded: 60 s).</summary>
    private static async Task<int> ImportAndKillAsync(string connectionString, int items)
    {
        using var process = Programs.Start(Programs.WebDll, ["import", "--folder", ContentFolder], Environment(connectionString));
        var reported = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (reported < items && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.TrimStart().StartsWith("nieuw", StringComparison.Ordinal))
                {
                    reported++;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(Ct);
        return reported;
    }

    private static async Task<Dictionary<string, long>> CountAsync(string connectionString)
    {
        // Table names come from the fixed list above, never from input.
        await using var connection = await new Db(DatabaseProvider.Sqlite, connectionString).OpenAsync(Ct);
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM " + table);
        }

        return counts;
    }
}
