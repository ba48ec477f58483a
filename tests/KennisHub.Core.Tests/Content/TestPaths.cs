namespace KennisHub.Core.Tests.Content;

/// <summary>Folders of the repository the tests read from (specs, the content fixture, the real content/).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A small, complete content folder: three municipalities, two organisations, two themes, three articles.</summary>
    public static string ContentFixture => Path.Combine(RepositoryRoot, "tests", "KennisHub.Core.Tests", "Content", "fixture");

    /// <summary>The real seed content that ships with KennisHub.</summary>
    public static string RealContent => Path.Combine(RepositoryRoot, "content");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KennisHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KennisHub.sln niet gevonden boven de testmap.");
    }
}
