using System.Reflection;
using System.Text.RegularExpressions;
using KennisHub.Core.Content;

namespace KennisHub.Core.Bulk;

/// <summary>
/// The raw material for generated Dutch text: every sentence, heading, list item and table of the real sector
/// texts in content/ (kennis, themas, organisaties, embedded in this assembly), the municipality names of
/// gemeenten.csv and the front-matter keywords, plus a small sector vocabulary. Recombining real sentences keeps
/// the natural word-frequency spread of Dutch prose (a few words in nearly every text, a long tail of rare ones);
/// the templates sprinkle in the sector's own terms. Loaded once; immutable and thread-safe.
/// </summary>
public sealed partial class DutchCorpus
{
    private static readonly Lazy<DutchCorpus> Shared = new(Load);

    private DutchCorpus(List<string> sentences, List<string> headings, List<string> listItems, List<string> tables,
        List<string> municipalities, List<string> keywords)
    {
        Sentences = sentences;
        Headings = headings;
        ListItems = listItems;
        Tables = tables;
        Municipalities = municipalities;
        Keywords = keywords;
    }

    /// <summary>The corpus built from the embedded content/ texts.</summary>
    public static DutchCorpus Instance => Shared.Value;

    public IReadOnlyList<string> Sentences { get; }

    public IReadOnlyList<string> Headings { get; }

    public IReadOnlyList<string> ListItems { get; }

    /// <summary>Whole Markdown pipe tables, as written in content/.</summary>
    public IReadOnlyList<string> Tables { get; }

    public IReadOnlyList<string> Municipalities { get; }

    /// <summary>Keywords from the front matter of content/ plus the sector terms, distinct by slug.</summary>
    public IReadOnlyList<string> Keywords { get; }

    // ---- the sector vocabulary: who does the work, what they look after, and sentence shapes to say it in ----

    internal static readonly string[] Roles =
    [
        "wijkverbinder", "wijkcoördinator", "wijkbeheerder", "wijkregisseur", "assetmanager", "beleidsmedewerker openbare ruimte",
        "toezichthouder", "groenbeheerder", "boomverzorger", "opzichter", "beheerder civiele kunstwerken", "areaalbeheerder",
        "projectleider", "contractmanager", "teamleider BOR", "adviseur beeldkwaliteit",
    ];

    internal static readonly string[] Subjects =
    [
        "het openbaar groen", "de speelplaatsen", "de bomen", "de beeldkwaliteit", "het areaal", "de BOR-begroting", "de IBOR-afspraken",
        "de riolering", "de verharding", "de openbare verlichting", "het straatmeubilair", "de afvalbakken", "het zwerfafval",
        "het maaibeheer", "de gladheidbestrijding", "de bruggen en kademuren", "de wadi's", "de bermen", "de fietspaden",
        "het beheerplan", "de schouw", "de meldingen van bewoners", "de kwaliteitscatalogus", "het onkruidbeheer", "de bebording",
    ];

    internal static readonly string[] Teams =
    [
        "Wijkbeheer", "Groen en Water", "Stadsbeheer", "Openbare Ruimte", "Beheer en Onderhoud", "Ingenieursbureau", "Sociaal Domein",
    ];

    // Street names as the Dutch make them (Eikenlaan, Lindenplein): compounds, and a long tail of rare words.
    private static readonly string[] StreetTrees =
    [
        "Eiken", "Beuken", "Linden", "Platanen", "Essen", "Wilgen", "Berken", "Kastanje", "Populieren", "Iepen", "Esdoorn",
        "Acacia", "Vlier", "Hazelaar", "Meidoorn", "Lijsterbes", "Haagbeuken", "Zomereik", "Walnoot", "Kersen",
    ];

    private static readonly string[] StreetKinds = ["straat", "laan", "plein", "hof", "weg", "singel", "kade", "park", "dreef", "pad"];

    private static readonly string[] Templates =
    [
        "Aan de {straat} in {gemeente} vervangt de gemeente dit jaar de bomen en de verharding in één keer.",
        "Bewoners van de {straat} meldden de verzakte stoep bij de {rol}, die het werk met {onderwerp} combineerde.",
        "Na de herinrichting van het {straat} bleek {onderwerp} lastiger te onderhouden dan het ontwerp beloofde.",
        "In {gemeente} werkt de {rol} samen met bewoners aan {onderwerp}.",
        "De {rol} van {gemeente} stemt {onderwerp} elke maand af met het team {team}.",
        "Voor {onderwerp} houdt {gemeente} het areaal bij in het beheersysteem, zodat de begroting klopt.",
        "Bij de schouw in {gemeente} scoorde {onderwerp} op beeldkwaliteit B, terwijl de gemeenteraad A had afgesproken.",
        "Volgens de {rol} vraagt {onderwerp} in oudere wijken meer aandacht dan het beheerplan nu toelaat.",
        "Gemeenten die {onderwerp} integraal plannen, combineren het werk vaker met groot onderhoud aan de riolering.",
        "Het team {team} van {gemeente} koppelt de meldingen over {onderwerp} aan de wijkverbinder in die buurt.",
        "Een IBOR-contract voor {onderwerp} legt de gewenste kwaliteit vast, niet het aantal keren dat er gemaaid of geveegd wordt.",
        "De {rol} gebruikt de CROW-kwaliteitscatalogus om {onderwerp} met bewoners te bespreken.",
        "In de BOR-nota van {gemeente} staat {onderwerp} als eerste prioriteit voor de komende vier jaar.",
        "Wie {onderwerp} goed wil beheren, begint bij een actueel areaal en een heldere afspraak over het kwaliteitsniveau.",
        "Samen met de {rol} bekeek het team {team} hoe {onderwerp} beter aansluit op wat de wijk nodig heeft.",
    ];

    /// <summary>A sentence from a template, its slots filled with a municipality, a role, a subject and a team.</summary>
    public string SectorSentence(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var template = Pick(random, Templates);
        var sentence = template
            .Replace("{gemeente}", Pick(random, Municipalities), StringComparison.Ordinal)
            .Replace("{straat}", Pick(random, StreetTrees) + Pick(random, StreetKinds), StringComparison.Ordinal)
            .Replace("{rol}", Pick(random, Roles), StringComparison.Ordinal)
            .Replace("{team}", Pick(random, Teams), StringComparison.Ordinal)
            .Replace("{onderwerp}", Pick(random, Subjects), StringComparison.Ordinal);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    // ---- loading ---------------------------------------------------------------------------------------------

    private static DutchCorpus Load()
    {
        var sentences = new List<string>();
        var headings = new List<string>();
        var listItems = new List<string>();
        var tables = new List<string>();
        var keywords = new List<string>();
        var assembly = typeof(DutchCorpus).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("corpus/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var (frontMatter, body) = SplitFrontMatter(Read(assembly, name));
            keywords.AddRange(FrontMatterList(frontMatter, "keywords"));
            if (FrontMatterValue(frontMatter, "summary") is { } summary)
            {
                AddBlock(summary, sentences, headings, listItems, tables);
            }

            foreach (var block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddBlock(block, sentences, headings, listItems, tables);
            }
        }

        var municipalities = Read(assembly, "corpus/gemeenten.csv").Split('\n').Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => Csv.Split(line))
            .Where(fields => fields.Count >= 2)
            .Select(fields => fields[1].Trim())
            .ToList();

        keywords.AddRange(["BOR", "IBOR", "areaal", "beeldkwaliteit", "wijkverbinder", "wijkcoördinator", "openbaar groen", "speelplaatsen", "bomen", "gemeenten"]);
        var distinctKeywords = keywords.Select(k => k.Trim()).Where(k => Slugs.Slugify(k).Length > 0)
            .DistinctBy(Slugs.Slugify, StringComparer.Ordinal).ToList();
        return new DutchCorpus(sentences, headings.Distinct(StringComparer.Ordinal).ToList(), listItems, tables, municipalities, distinctKeywords);
    }

    private static void AddBlock(string block, List<string> sentences, List<string> headings, List<string> listItems, List<string> tables)
    {
        var lines = block.Split('\n');
        if (block.StartsWith('#'))
        {
            var heading = block.TrimStart('#').Trim();
            if (heading is not ("Bronnen" or "Bron"))
            {
                headings.Add(heading);
            }

            return;
        }

        if (lines.All(line => line.StartsWith('|')))
        {
            if (lines.Length >= 3)
            {
                tables.Add(block);
            }

            return;
        }

        if (lines.All(line => ListMarker().IsMatch(line)))
        {
            var items = lines.Select(line => ListMarker().Replace(line, string.Empty).Trim()).Where(item => item.Length > 0).ToList();
            listItems.AddRange(items);

            // A list item that is a whole plain sentence reads as well in a paragraph.
            sentences.AddRange(items.Where(item => item.Length >= 40 && item.EndsWith('.') && char.IsUpper(item[0]) && !item.Contains("**", StringComparison.Ordinal)));
            return;
        }

        // A paragraph (possibly led by a sentence ending in a colon before a list it no longer has).
        var paragraph = string.Join(' ', lines.Select(line => line.Trim()));
        foreach (var sentence in SentenceBreak().Split(paragraph))
        {
            var text = sentence.Trim();
            if (text.Length >= 20 && !text.EndsWith(':'))
            {
                sentences.Add(text);
            }
        }
    }

    private static (string FrontMatter, string Body) SplitFrontMatter(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalised.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (string.Empty, normalised);
        }

        var end = normalised.IndexOf("\n---", 4, StringComparison.Ordinal);
        return end < 0 ? (string.Empty, normalised) : (normalised[4..end], normalised[(end + 4)..]);
    }

    private static IEnumerable<string> FrontMatterList(string frontMatter, string key)
    {
        var match = Regex.Match(frontMatter, "^" + key + @":\s*\[(.*)\]\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    private static string? FrontMatterValue(string frontMatter, string key)
    {
        var match = Regex.Match(frontMatter, "^" + key + @":\s*(.+?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value.Trim('"', '\'') : null;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Ingebedde corpusbron '{name}' ontbreekt.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\s*[-*+]|\s*\d+\.)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    // After . ! or ? and a space, before a capital, a digit or an opening quote/bracket.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9""'(])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();
}
