using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>
/// One migrated and imported database per first-run configuration per test run. The first host with a configuration
/// starts on an empty file as usual (migrations, content import, demo accounts); right after its start the file is
/// copied with SQLite's online backup into a template. Every later host with the same configuration starts on a
/// copy of that template, where the first-run steps find nothing to do. What the first run produces depends only on
/// the <c>Content:</c> and <c>Seed:</c> settings, so those are the key.
/// </summary>
public static class TemplateDatabases
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", $"templates-{Environment.ProcessId}");
    private static readonly ConcurrentDictionary<string, object> Locks = new(StringComparer.Ordinal);

    static TemplateDatabases()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        };
    }

    public static IHost Start(IDictionary<string, string?> settings, string connectionString, Func<IHost> startHost)
    {
        var key = KeyOf(settings);
        var template = Path.Combine(Folder, $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0, 8)}.db");
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        lock (Locks.GetOrAdd(key, _ => new object()))
        {
            if (File.Exists(template))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target))
                {
                    File.Copy(template, target);
                }

                return startHost();
            }

            var host = startHost();
            Directory.CreateDirectory(Folder);
            var building = template + ".tmp";
            using (var source = new SqliteConnection(connectionString))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString()))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
            }

            File.Move(building, template, overwrite: true);
            return host;
        }
    }

    private static string KeyOf(IDictionary<string, string?> settings) => string.Join('\n', settings
        .Where(setting => setting.Key.StartsWith("Content:", StringComparison.OrdinalIgnoreCase)
            || setting.Key.StartsWith("Seed:", StringComparison.OrdinalIgnoreCase))
        .OrderBy(setting => setting.Key, StringComparer.OrdinalIgnoreCase)
        .Select(setting => $"{setting.Key}={setting.Value}"));
}
