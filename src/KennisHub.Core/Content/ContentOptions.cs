namespace KennisHub.Core.Content;

/// <summary>Where the seed content lives. Bound from the "Content" configuration section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The content folder; empty means the content/ folder next to KennisHub.sln above the app.</summary>
    public string? Folder { get; set; }

    /// <summary>Import content/ at start-up when the database has no articles yet.</summary>
    public bool ImportOnFirstRun { get; set; } = true;

    /// <summary>
    /// The folder to import: <paramref name="configured"/> when set (relative to <paramref name="start"/>), else
    /// the content/ folder beside the first KennisHub.sln found walking up from <paramref name="start"/>.
    /// </summary>
    public static string? Resolve(string? configured, string start)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, start);
        }

        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KennisHub.sln")))
            {
                return Path.Combine(directory.FullName, "content");
            }
        }

        return null;
    }
}
