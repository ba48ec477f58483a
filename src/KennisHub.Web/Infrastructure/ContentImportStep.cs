using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure;

/// <summary>First run: imports content/ when the database has no articles yet, so a fresh clone shows knowledge.</summary>
public sealed class ContentImportStep(
    Db db,
    ContentImporter importer,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    ILogger<ContentImportStep> logger) : IFirstRunStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnFirstRun)
        {
            return;
        }

        const string Sql = "SELECT COUNT(*) FROM Articles";
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        var folder = ContentOptions.Resolve(options.Value.Folder, environment.ContentRootPath);
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogWarning("Geen contentmap gevonden; de eerste import is overgeslagen.");
            return;
        }

        var summary = await importer.ImportAsync(folder, null, cancellationToken);
        logger.LogInformation(
            "Eerste import uit {Folder}: {New} nieuw, {Changed} gewijzigd, {Unchanged} ongewijzigd, {Errors} fouten.",
            folder, summary.New, summary.Changed, summary.Unchanged, summary.Errors.Count);
        foreach (var error in summary.Errors)
        {
            logger.LogWarning("Importfout: {Message}", error.Message);
        }
    }
}
