using KennisHub.Core.Data;
using KennisHub.Core.Security;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>
/// <c>backup &lt;path&gt;</c>: a consistent online copy of the SQLite database, safe while the site is running.
/// SQL Server is backed up by the server itself (BACKUP DATABASE; see docs/SECURITY.md).
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            Console.WriteLine("""
                KennisHub draait op SQL Server: maak de reservekopie met de server zelf, bijvoorbeeld
                  BACKUP DATABASE [KennisHub] TO DISK = N'/var/opt/mssql/backup/kennishub.bak' WITH COPY_ONLY, CHECKSUM, COMPRESSION;
                  RESTORE VERIFYONLY FROM DISK = N'/var/opt/mssql/backup/kennishub.bak' WITH CHECKSUM;
                Zie docs/SECURITY.md.
                """);
            return 0;
        }

        var verbAt = Array.IndexOf(args, "backup");
        var path = verbAt >= 0 && verbAt + 1 < args.Length ? args[verbAt + 1] : null;
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync("Gebruik: backup <pad naar nieuw bestand>, bijvoorbeeld backup App_Data/kopie-2026-11-24.db");
            return 2;
        }

        try
        {
            await DatabaseBackup.BackupSqliteAsync(options.ConnectionString!, path);
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        var integrity = await DatabaseBackup.CheckSqliteIntegrityAsync(path);
        Console.WriteLine($"Reservekopie gemaakt: {Path.GetFullPath(path)} (integriteitscontrole: {integrity})");
        return integrity == "ok" ? 0 : 1;
    }
}
