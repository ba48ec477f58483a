using Microsoft.Data.Sqlite;

namespace KennisHub.Core.Security;

/// <summary>
/// A consistent online copy of the embedded SQLite database. SQLite's backup API copies page by page under a read
/// transaction, so the copy is one committed state even while the site keeps writing (WAL lets writers continue).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030", Justification = "SQLite's backup API needs the provider's own connections to two files; it runs no query of ours.")]
public static class DatabaseBackup
{
    public static async Task BackupSqliteAsync(string connectionString, string destinationPath, CancellationToken cancellationToken = default)
    {
        var destination = Path.GetFullPath(destinationPath);
        if (File.Exists(destination))
        {
            throw new IOException($"Het bestand {destination} bestaat al; kies een nieuw pad voor de reservekopie.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        var target = new SqliteConnectionStringBuilder { DataSource = destination, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using (var copy = new SqliteConnection(target.ToString()))
        {
            await copy.OpenAsync(cancellationToken).ConfigureAwait(false);
            source.BackupDatabase(copy);

            // The copy is a single file a restore can start from: leave it in rollback-journal mode, checkpointed.
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs PRAGMA integrity_check on a SQLite file; "ok" when sound.</summary>
    public static async Task<string> CheckSqliteIntegrityAsync(string path, CancellationToken cancellationToken = default)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
