using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KennisHub.Web.Tests.Localization;

/// <summary>
/// Every text exists in Dutch AND English: each Name.resx under src/ has a Name.en.resx with exactly the same
/// keys, and no value is empty. A page that adds a Dutch key and forgets the English one fails here.
/// </summary>
public sealed partial class ResourceParityTests
{
    /// <summary>"Name.en", "Name.nl-NL": a culture-specific file; anything else is a neutral (Dutch) one.</summary>
    [GeneratedRegex(@"\.[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex CultureSuffix();

    /// <summary>An audit action code as the code writes it: "account.role-added", "bulk.seeded".</summary>
    [GeneratedRegex(@"""((?:account|organisation|theme|article|bulk|position|amendment|comment|membership|suggestion)\.[a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex AuditActionLiteral();

    /// <summary>
    /// The Logboek shows actions as words (SecurityText Audit_Action_...), never as codes: every action code written in
    /// src/ has its label in both languages. A new kind of change that forgets its label fails here by name.
    /// </summary>
    [Fact]
    public void Every_audit_action_in_the_code_has_a_logbook_label_in_Dutch_and_English()
    {
        var root = RepositoryRoot();
        var actions = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .SelectMany(file => AuditActionLiteral().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        actions.ShouldContain("account.approved");

        var resources = Path.Combine(root, "src", "KennisHub.Web", "Resources");
        foreach (var file in new[] { "SecurityText.resx", "SecurityText.en.resx" })
        {
            var keys = Read(Path.Combine(resources, file)).Keys.ToHashSet(StringComparer.Ordinal);
            actions.Where(action => !keys.Contains("Audit_Action_" + action)).Order(StringComparer.Ordinal)
                .ShouldBeEmpty($"acties zonder label in {file}");
        }
    }

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var neutral in NeutralResourceFiles())
        {
            data.Add(Path.GetRelativePath(RepositoryRoot(), neutral));
        }

        return data;
    }

    [Fact]
    public void The_source_tree_has_resource_files_to_check()
    {
        NeutralResourceFiles().Count.ShouldBeGreaterThan(2);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void A_resource_has_the_same_keys_in_Dutch_and_English(string neutralFile)
    {
        var neutral = Path.Combine(RepositoryRoot(), neutralFile);
        var english = Path.ChangeExtension(neutral, null) + ".en.resx";
        File.Exists(english).ShouldBeTrue($"{neutralFile} heeft geen Engelse tegenhanger {Path.GetFileName(english)}");

        var dutchKeys = Read(neutral).Keys.ToHashSet(StringComparer.Ordinal);
        var englishKeys = Read(english).Keys.ToHashSet(StringComparer.Ordinal);

        dutchKeys.Except(englishKeys).Order(StringComparer.Ordinal).ShouldBeEmpty($"alleen in het Nederlands ({neutralFile})");
        englishKeys.Except(dutchKeys).Order(StringComparer.Ordinal).ShouldBeEmpty($"alleen in het Engels ({Path.GetFileName(english)})");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void No_text_is_empty_in_either_language(string neutralFile)
    {
        var neutral = Path.Combine(RepositoryRoot(), neutralFile);
        var english = Path.ChangeExtension(neutral, null) + ".en.resx";
        foreach (var file in new[] { neutral, english }.Where(File.Exists))
        {
            Read(file).Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key)
                .ShouldBeEmpty($"lege teksten in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public void Every_English_resource_has_a_Dutch_one()
    {
        var orphans = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.en.resx", SearchOption.AllDirectories)
            .Where(english => !IsBuildOutput(english))
            .Where(english => !File.Exists(english[..^".en.resx".Length] + ".resx"))
            .Select(english => Path.GetRelativePath(RepositoryRoot(), english));

        orphans.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_notices_a_key_missing_in_English()
    {
        // The parity check above must be able to fail: prove Read sees a difference between two files.
        var folder = Directory.CreateTempSubdirectory("kennishub-resx");
        try
        {
            var dutch = Path.Combine(folder.FullName, "Probe.resx");
            var english = Path.Combine(folder.FullName, "Probe.en.resx");
            File.WriteAllText(dutch, """<root><data name="A"><value>een</value></data><data name="B"><value>twee</value></data></root>""");
            File.WriteAllText(english, """<root><data name="A"><value>one</value></data></root>""");

            Read(dutch).Keys.Except(Read(english).Keys).ShouldBe(["B"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);

    private static List<string> NeutralResourceFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Where(file => !CultureSuffix().IsMatch(Path.GetFileNameWithoutExtension(file)))
            .Order(StringComparer.Ordinal)];

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KennisHub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("KennisHub.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}
