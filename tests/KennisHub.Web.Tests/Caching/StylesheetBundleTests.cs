using System.Text.RegularExpressions;

namespace KennisHub.Web.Tests.Caching;

/// <summary>
/// The NL Design System stylesheet is bundled at refresh time with only the classes the markup used then
/// (tools/frontend/bundle.mjs). A class used later without running the bundler would silently lose its styles.
/// </summary>
public sealed partial class StylesheetBundleTests
{
    [Fact]
    public void Every_NL_Design_System_class_in_the_markup_is_in_the_bundle()
    {
        var root = RepositoryRoot();
        var bundle = File.ReadAllText(Path.Combine(root, "src/KennisHub.Web/wwwroot/lib/bundle/nl-design-system.css"));
        var lib = Path.Combine(root, "src/KennisHub.Web/wwwroot/lib");
        var sources = string.Concat(Directory.EnumerateFiles(lib, "*.css", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(Path.Combine(lib, "bundle"), StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var markup = new[] { "src/KennisHub.Web", "src/KennisHub.Components" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var classes = markup
            .SelectMany(file => ClassName().Matches(File.ReadAllText(file)).Select(match => (Class: match.Value, File: Path.GetRelativePath(root, file))))
            .ToList();

        classes.ShouldNotBeEmpty();
        // A class the packages do not define at all (a modifier only our site.css styles) is not the bundle's business.
        var missing = classes.Where(use => Defines(sources, use.Class) && !Defines(bundle, use.Class))
            .Select(use => $"{use.Class} ({use.File})").Distinct().ToList();
        missing.ShouldBeEmpty("run tools/frontend/refresh.sh (or node tools/frontend/bundle.mjs) after using a new class");
    }

    [Fact]
    public void The_bundle_keeps_the_licence_notices_of_its_sources()
    {
        var bundle = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/KennisHub.Web/wwwroot/lib/bundle/nl-design-system.css"));

        bundle.ShouldContain("OFL-1.1");
        bundle.ShouldContain("@license EUPL-1.2");
        bundle.ShouldContain("Gemeente Utrecht");
    }

    private static bool Defines(string css, string className) => Regex.IsMatch(css, $@"\.{Regex.Escape(className)}(?![A-Za-z0-9_-])");

    // utrecht-* anywhere (the prefix is unambiguous); nl-* only as a class, since "nl-NL" is also a culture name.
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])utrecht-[a-z0-9]+(?:-{1,2}[a-z0-9]+)*|(?<=class=""[^""]*)(?<![A-Za-z0-9_-])nl-[a-z0-9]+(?:-{1,2}[a-z0-9]+)*")]
    private static partial Regex ClassName();

    /// <summary>
    /// An unclosed rule in site.css does not fail to load: with CSS nesting every later rule becomes a nested rule of it
    /// and silently stops applying (a merge once left .kh-count and .kh-field-error open, and the diff, history, search
    /// and /netwerk styles with them).
    /// </summary>
    [Fact]
    public void Every_rule_of_the_site_stylesheet_is_closed_at_the_top_level()
    {
        var css = Regex.Replace(File.ReadAllText(Path.Combine(RepositoryRoot(), "src/KennisHub.Web/wwwroot/css/site.css")), @"/\*.*?\*/|""[^""]*""", "", RegexOptions.Singleline);
        var depth = 0;
        var line = 1;
        var unclosed = new List<int>();
        foreach (var c in css)
        {
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
            }

            depth.ShouldBeGreaterThanOrEqualTo(0, $"an extra }} before line {line} (comments removed)");
        }

        var topLevel = Regex.Matches(css, @"^[.#a-z:\[*][^{\n]*\{", RegexOptions.Multiline);
        foreach (Match match in topLevel)
        {
            var before = css[..match.Index];
            if (before.Count(ch => ch == '{') != before.Count(ch => ch == '}'))
            {
                unclosed.Add(before.Count(ch => ch == '\n') + 1);
            }
        }

        unclosed.ShouldBeEmpty("rules written at the start of a line (top-level) that sit inside an unclosed rule; their lines, comments removed");
        depth.ShouldBe(0);
    }

    private static string RepositoryRoot()
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
