using System.Data.Common;
using Dapper;

namespace KennisHub.Core.Data;

/// <summary>
/// Someone else saved the item after it was loaded (Bewerkingsconflict): the versioned UPDATE matched no row.
/// Pages catch it, keep what the user typed and show both versions; nothing is overwritten.
/// </summary>
public sealed class EditConflictException : Exception
{
    public EditConflictException()
        : base("Bewerkingsconflict: het item is intussen door iemand anders gewijzigd of verwijderd.")
    {
    }

    public EditConflictException(string message)
        : base(message)
    {
    }

    public EditConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Optimistic concurrency for tables with a Version column. The statement is the caller's own literal, written as
/// <c>UPDATE ... SET ..., Version = Version + 1 WHERE Id = @Id AND Version = @Version</c>; this runs it and turns
/// "0 rows" into <see cref="EditConflictException"/>. Two writers that loaded the same version: exactly one wins.
/// </summary>
public static class VersionedUpdate
{
    public static async Task ExecuteVersionedUpdateAsync(this DbConnection connection, CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!command.CommandText.Contains("@Version", StringComparison.Ordinal))
        {
            throw new ArgumentException("Een versiegebonden wijziging filtert op Version = @Version.", nameof(command));
        }

        var rows = await connection.ExecuteAsync(command).ConfigureAwait(false);
        switch (rows)
        {
            case 0:
                throw new EditConflictException();
            case > 1:
                // A transaction rolls this back; without one the caller's statement is wrong in a way tests catch.
                throw new InvalidOperationException($"Een versiegebonden wijziging raakte {rows} rijen; filter op de sleutel (Id = @Id).");
            default:
                return;
        }
    }
}
