namespace KennisHub.Core.Data;

/// <summary>Which database KennisHub talks to. Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (the embedded default) or SqlServer (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. For SQLite, an empty value means a file under the app's data folder.
    /// </summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
