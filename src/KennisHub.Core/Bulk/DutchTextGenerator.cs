using System.Text;
using KennisHub.Core.Organisations;

namespace KennisHub.Core.Bulk;

/// <summary>A generated text: title, summary and Markdown body as sections (an intro, then "## heading" blocks).</summary>
public sealed record GeneratedText(string Title, string Summary, IReadOnlyList<string> Sections, int Words)
{
    public string Markdown => string.Join("\n\n", Sections);

    /// <summary>An earlier, shorter draft: the first <paramref name="number"/> of <paramref name="of"/> parts of the sections.</summary>
    public string Draft(int number, int of)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(of, number);
        var take = Math.Max(1, Sections.Count * number / of);
        return string.Join("\n\n", Sections.Take(take));
    }
}

/// <summary>A generated person: display name and the address they sign in with.</summary>
public sealed record GeneratedMember(string DisplayName, string Email);

/// <summary>A generated organisation: name, kind and a short Markdown description.</summary>
public sealed record GeneratedOrganisation(string Name, OrganisationKind Kind, string DescriptionMarkdown);

/// <summary>
/// Realistic Dutch texts of the sector, made from <see cref="DutchCorpus"/>: titles from the sector's topics,
/// bodies of real sentences (one in six from a sector template), headed sections, lists and tables. Deterministic:
/// item <c>n</c> of a kind depends only on the seed and <c>n</c>, so items can be made in parallel and in any order,
/// and two runs with one seed make the same corpus (the search benchmark relies on that).
/// </summary>
public sealed class DutchTextGenerator(DutchCorpus corpus, int seed)
{
    public DutchTextGenerator(int seed)
        : this(DutchCorpus.Instance, seed)
    {
    }

    public DutchCorpus Corpus => corpus;

    private static readonly string[] Topics =
    [
        "Beeldkwaliteit van het openbaar groen", "Boomveiligheid", "Speelplaatsen veilig houden", "Maaibeheer en biodiversiteit",
        "Wijkgericht werken", "De wijkverbinder", "De wijkcoördinator en de buurt", "IBOR-contracten", "Areaalregistratie",
        "Meerjarenplanning voor de BOR", "Klimaatadaptatie in de wijk", "Gladheidbestrijding", "Zwerfafval aanpakken",
        "Openbare verlichting", "Riolering en regenwater", "Bewonersparticipatie", "Zelfbeheer van groen", "Schouwen met bewoners",
        "Data in beheer", "Circulair inkopen", "Overdracht van project naar beheer", "Assetmanagement", "Kademuren en bruggen",
        "Onkruidbeheer zonder chemie", "Wegbeheer", "Bomen in de stad", "Kennisborging in het team", "Hittestress in de buurt",
        "Fysiek en sociaal domein verbinden", "Beheer onder de Omgevingswet",
    ];

    private static readonly string[] Aspects =
    [
        "lessen uit de praktijk", "een werkwijze in vijf stappen", "ervaringen na twee jaar", "wat werkt en wat niet",
        "een handreiking", "zo pak je het aan", "de rol van de wijkverbinder", "kosten en baten", "afspraken met de aannemer",
        "meten is weten", "van beleid naar uitvoering", "een checklist", "vragen uit het netwerk", "samen met bewoners",
        "de eerste honderd dagen", "wat de raad moet weten",
    ];

    private static readonly string[] ThemeAspects =
    [
        "de basis op orde", "samenwerken in de wijk", "kennis en vakmanschap", "sturen op kwaliteit", "de volgende stap",
        "wat gemeenten leren", "keuzes in het beheer",
    ];

    private static readonly string[] FirstNames =
    [
        "Anne", "Bram", "Daan", "Emma", "Fleur", "Gert", "Hanneke", "Ilse", "Jeroen", "Karin", "Lotte", "Marieke", "Niels",
        "Olga", "Pieter", "Rianne", "Sander", "Tessa", "Ruud", "Vera", "Willem", "Yvonne", "Zoë", "Bas", "Chantal", "Dirk",
        "Esther", "Frank", "Gijs", "Hatice", "Joost", "Mohamed", "Noor", "Sanne", "Thijs", "Wouter", "Inge", "Kees", "Linda", "Mark",
    ];

    private static readonly string[] LastNames =
    [
        "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
        "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
        "Kok", "Jacobs", "de Haan", "Vermeulen", "van Dijk", "Yılmaz", "El Amrani", "Hoekstra", "Postma", "Kuipers", "Veenstra",
    ];

    private static readonly string[] NetworkNames = ["Netwerk Wijkbeheer", "Kring Groenbeheerders", "Platform Openbare Ruimte", "Vereniging Beheerders", "Kopgroep BOR"];

    private static readonly string[] KnowledgeNames = ["Kenniscentrum Openbare Ruimte", "Lectoraat Groene Leefomgeving", "Leerstoel Stedelijk Beheer"];

    private static readonly string[] ConsultancyNames = ["Adviesbureau Groen & Grijs", "Beheeradvies", "Bureau Buitenruimte", "Ingenieursbureau Straat en Water"];

    /// <summary>
    /// The random source of one item. Not <see cref="HashCode"/>, which is seeded per process: a SplitMix64 mix of
    /// the three numbers, so a seed makes the same corpus in every run (seeded <see cref="Random"/> is stable too).
    /// </summary>
    public static Random RandomFor(int seed, int kind, int index)
    {
        var mixed = ((ulong)(uint)seed << 32) | (uint)kind;
        mixed ^= (uint)index * 0x9E3779B97F4A7C15UL;
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
        mixed ^= mixed >> 31;
        return new Random((int)(mixed & int.MaxValue));
    }

    /// <summary>Knowledge article <paramref name="index"/>, about <paramref name="minWords"/>-<paramref name="maxWords"/> words.</summary>
    public GeneratedText Article(int index, int minWords, int maxWords)
    {
        var random = RandomFor(seed, 1, index);
        var title = $"{DutchCorpus.Pick(random, Topics)}: {DutchCorpus.Pick(random, Aspects)}";
        if (random.Next(3) == 0)
        {
            title += $" in {DutchCorpus.Pick(random, corpus.Municipalities)}";
        }

        return Text(random, title, minWords, maxWords);
    }

    /// <summary>Theme <paramref name="index"/>: shorter, more sections, same material.</summary>
    public GeneratedText Theme(int index, int minWords, int maxWords)
    {
        var random = RandomFor(seed, 2, index);
        var title = $"{DutchCorpus.Pick(random, Topics)}: {DutchCorpus.Pick(random, ThemeAspects)}";
        return Text(random, title, minWords, maxWords);
    }

    public GeneratedOrganisation Organisation(int index)
    {
        var random = RandomFor(seed, 3, index);
        // Six in ten are municipalities, in the order of gemeenten.csv; the rest networks, institutes, bureaus, water boards.
        var (name, kind) = (index % 10) switch
        {
            < 6 => ($"Gemeente {corpus.Municipalities[index % corpus.Municipalities.Count]}", OrganisationKind.Municipality),
            6 => ($"{DutchCorpus.Pick(random, NetworkNames)} {DutchCorpus.Pick(random, corpus.Municipalities)}", OrganisationKind.Network),
            7 => ($"{DutchCorpus.Pick(random, KnowledgeNames)} {DutchCorpus.Pick(random, corpus.Municipalities)}", OrganisationKind.Knowledge),
            8 => ($"{DutchCorpus.Pick(random, ConsultancyNames)} {DutchCorpus.Pick(random, corpus.Municipalities)}", OrganisationKind.Consultancy),
            _ => ($"Waterschap {DutchCorpus.Pick(random, corpus.Municipalities)}", OrganisationKind.Government),
        };
        var description = Paragraph(random, 3) + "\n\n## Betekenis voor beheer openbare ruimte\n\n" + Paragraph(random, 4);
        return new GeneratedOrganisation(name, kind, description);
    }

    public GeneratedMember Member(int index)
    {
        var random = RandomFor(seed, 4, index);
        var name = $"{DutchCorpus.Pick(random, FirstNames)} {DutchCorpus.Pick(random, LastNames)}";
        return new GeneratedMember(name, MemberEmail(index));
    }

    /// <summary>The sign-in address of generated member <paramref name="index"/> (the load test signs in as one).</summary>
    public static string MemberEmail(int index) => $"lid{index:D5}@{MemberDomain}";

    /// <summary>Every generated member's address is in this domain (an .example domain: mail to it goes nowhere).</summary>
    public const string MemberDomain = "bulk.kennishub.example";

    /// <summary>Keywords for an item: 2-5 distinct ones, the first few much more often than the tail (a Zipf-like spread).</summary>
    public IReadOnlyList<string> KeywordsFor(int kind, int index)
    {
        var random = RandomFor(seed, 10 + kind, index);
        var count = random.Next(2, 6);
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            // Squaring a uniform number favours low indexes: keyword 0 is common, the last ones are rare.
            var at = (int)(Math.Pow(random.NextDouble(), 2) * corpus.Keywords.Count);
            var keyword = corpus.Keywords[at];
            if (!chosen.Contains(keyword))
            {
                chosen.Add(keyword);
            }
        }

        return chosen;
    }

    /// <summary>Sentences: real ones from content/, one in six a sector template.</summary>
    public string Paragraph(Random random, int sentences)
    {
        ArgumentNullException.ThrowIfNull(random);
        var builder = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(random.Next(6) == 0 ? corpus.SectorSentence(random) : DutchCorpus.Pick(random, corpus.Sentences));
        }

        return builder.ToString();
    }

    private GeneratedText Text(Random random, string title, int minWords, int maxWords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, minWords);
        var target = random.Next(minWords, maxWords + 1);
        var summary = Paragraph(random, random.Next(1, 3));
        var sections = new List<string>();
        var words = 0;

        void Add(string block)
        {
            sections.Add(block);
            words += CountWords(block);
        }

        Add(Paragraph(random, random.Next(2, 5)));
        while (words < target)
        {
            var section = new StringBuilder("## ").Append(DutchCorpus.Pick(random, corpus.Headings)).Append("\n\n");
            section.Append(Paragraph(random, random.Next(3, 7)));
            var roll = random.Next(10);
            if (roll < 3)
            {
                section.Append("\n\n");
                var items = random.Next(3, 7);
                var numbered = roll == 0;
                for (var i = 0; i < items; i++)
                {
                    section.Append(numbered ? $"{i + 1}. " : "- ").Append(DutchCorpus.Pick(random, corpus.ListItems)).Append('\n');
                }
            }
            else if (roll == 3 && corpus.Tables.Count > 0)
            {
                section.Append("\n\n").Append(DutchCorpus.Pick(random, corpus.Tables));
            }

            if (random.Next(2) == 0)
            {
                section.Append("\n\n").Append(Paragraph(random, random.Next(2, 6)));
            }

            Add(section.ToString().TrimEnd());
        }

        return new GeneratedText(title, summary, sections, words);
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
