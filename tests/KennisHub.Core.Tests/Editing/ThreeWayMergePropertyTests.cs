using CsCheck;
using KennisHub.Core.Editing;

namespace KennisHub.Core.Tests.Editing;

/// <summary>
/// Random paragraphs of unique Dutch words, edited at random by two people from the same base: words changed,
/// inserted and deleted, paragraphs deleted and added. Because every word is unique, what the merge must keep
/// is exact: every word both kept, every word either added, once; no word either deleted.
/// </summary>
public sealed class ThreeWayMergePropertyTests
{
    private static readonly string[] Vocabulary =
    [
        "gemeente", "beheer", "openbare", "ruimte", "bermen", "maaien", "één", "ideeën", "coöperatie", "geïnteresseerd",
        "zo'n", "thema's", "Noord-Holland", "groenbeheer", "riolering", "bestrating", "vergister", "café", "reünie", "knooppunt",
    ];

    /// <summary>Paragraph count, a layout seed, and two edit scripts (one number per edit).</summary>
    private static readonly Gen<(int Paragraphs, int Layout, int[] Mine, int[] Theirs)> Scenarios =
        Gen.Select(Gen.Int[1, 7], Gen.Int[0, 10_000], Gen.Int[0, 100_000].Array[0, 8], Gen.Int[0, 100_000].Array[0, 8]);

    private static readonly Gen<(int Paragraphs, int Layout, int[] Mine, int[] Theirs, int[] Owners)> DisjointScenarios =
        Gen.Select(Gen.Int[1, 7], Gen.Int[0, 10_000], Gen.Int[0, 100_000].Array[0, 8], Gen.Int[0, 100_000].Array[0, 8], Gen.Int[0, 2].Array[7]);

    [Fact]
    public void A_clean_merge_keeps_every_word_both_kept_and_every_word_either_added_once_and_drops_what_either_deleted()
    {
        int clean = 0, conflicted = 0, combined = 0;
        Scenarios.Sample(s =>
        {
            var document = Document.Generate(s.Paragraphs, s.Layout);
            var mine = document.Edit(s.Mine, "mijn", _ => true);
            var theirs = document.Edit(s.Theirs, "hun", _ => true);

            var result = ThreeWayMerge.Merge(document.Text, mine.Text, theirs.Text);

            var expected = Expected(document, mine, theirs);
            if (result.IsClean)
            {
                clean++;
                combined += result.Regions.OfType<ChangedRegion>().Count(r => r.Source == MergeSource.Combined);
                Words(result.Text).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal), $"{Describe(document, mine, theirs)}\n=> {result.Text}");
            }
            else
            {
                conflicted++;
                NothingSilentlyDisappears(document, mine, theirs, result);
            }
        }, iter: 1000, threads: 1);

        // The generator must reach all three outcomes, or the property proves little.
        (clean, conflicted, combined).ShouldSatisfyAllConditions(
            () => clean.ShouldBeGreaterThan(100),
            () => conflicted.ShouldBeGreaterThan(100),
            () => combined.ShouldBeGreaterThan(30));
    }

    [Fact]
    public void Edits_of_disjoint_paragraphs_always_merge_cleanly()
    {
        DisjointScenarios.Sample(s =>
        {
            var document = Document.Generate(s.Paragraphs, s.Layout);
            var mine = document.Edit(s.Mine, "mijn", p => s.Owners[p] == 1);
            var theirs = document.Edit(s.Theirs, "hun", p => s.Owners[p] == 2);

            var result = ThreeWayMerge.Merge(document.Text, mine.Text, theirs.Text);

            result.IsClean.ShouldBeTrue(Describe(document, mine, theirs));
            Words(result.Text).Order(StringComparer.Ordinal).ShouldBe(Expected(document, mine, theirs).Order(StringComparer.Ordinal), Describe(document, mine, theirs));
        }, iter: 1000, threads: 1);
    }

    [Fact]
    public void A_merge_with_an_unchanged_side_is_exactly_the_other_side()
    {
        Scenarios.Sample(s =>
        {
            var document = Document.Generate(s.Paragraphs, s.Layout);
            var mine = document.Edit(s.Mine, "mijn", _ => true);

            ThreeWayMerge.Merge(document.Text, mine.Text, document.Text).Text.ShouldBe(mine.Text);
            ThreeWayMerge.Merge(document.Text, document.Text, mine.Text).Text.ShouldBe(mine.Text);
        }, iter: 200, threads: 1);
    }

    /// <summary>On a conflict, taking this edit everywhere keeps all of its words, taking theirs keeps all of theirs.</summary>
    private static void NothingSilentlyDisappears(Document document, Document mine, Document theirs, MergeResult result)
    {
        var keptByBoth = document.Words.Intersect(mine.Words).Intersect(theirs.Words).ToList();
        var withMine = Words(result.Resolve(result.Conflicts.ToDictionary(c => c.Index, _ => ConflictResolution.TakeMine)));
        var withTheirs = Words(result.Resolve(result.Conflicts.ToDictionary(c => c.Index, _ => ConflictResolution.TakeTheirs)));

        foreach (var word in mine.Words.Except(document.Words).Concat(keptByBoth))
        {
            withMine.Count(w => w == word).ShouldBe(1, $"'{word}' with mine\n{Describe(document, mine, theirs)}");
        }

        foreach (var word in theirs.Words.Except(document.Words).Concat(keptByBoth))
        {
            withTheirs.Count(w => w == word).ShouldBe(1, $"'{word}' with theirs\n{Describe(document, mine, theirs)}");
        }
    }

    private static List<string> Expected(Document document, Document mine, Document theirs) =>
        document.Words.Intersect(mine.Words).Intersect(theirs.Words)
            .Concat(mine.Words.Except(document.Words))
            .Concat(theirs.Words.Except(document.Words))
            .ToList();

    private static List<string> Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Describe(Document document, Document mine, Document theirs) =>
        $"BASE:\n{document.Text}\n--- MINE:\n{mine.Text}\n--- THEIRS:\n{theirs.Text}";

    /// <summary>Paragraphs of lines of words; paragraphs separated by a blank line.</summary>
    private sealed class Document(List<List<List<string>>?> paragraphs, List<List<List<string>>> inserted)
    {
        public string Text => string.Join("\n\n", Paragraphs().Select(p => string.Join('\n', p.Select(line => string.Join(' ', line)))));

        public List<string> Words => Paragraphs().SelectMany(p => p.SelectMany(line => line)).ToList();

        public static Document Generate(int count, int layout)
        {
            var paragraphs = new List<List<List<string>>?>();
            for (var p = 0; p < count; p++)
            {
                var lines = new List<List<string>>();
                var lineCount = 1 + ((layout >> p) & 1);
                for (var l = 0; l < lineCount; l++)
                {
                    var wordCount = 3 + ((layout + p + l) % 4);
                    lines.Add(Enumerable.Range(0, wordCount).Select(i => $"{Vocabulary[(p * 7 + l * 3 + i) % Vocabulary.Length]}{p}x{l}x{i}").ToList());
                }

                paragraphs.Add(lines);
            }

            return new Document(paragraphs, Enumerable.Range(0, count).Select(_ => new List<List<string>>()).ToList());
        }

        /// <summary>
        /// Applies a script of edits to the paragraphs <paramref name="mayEdit"/> allows: each number picks a
        /// paragraph, an operation (change, insert or delete a word; delete the paragraph; add one after it) and a place.
        /// </summary>
        public Document Edit(int[] script, string who, Func<int, bool> mayEdit)
        {
            var copy = paragraphs.Select(p => p?.Select(line => line.ToList()).ToList()).ToList();
            var added = inserted.Select(list => list.ToList()).ToList();
            var editable = Enumerable.Range(0, copy.Count).Where(mayEdit).ToList();
            var fresh = 0;
            foreach (var step in script)
            {
                if (editable.Count == 0)
                {
                    break;
                }

                var index = editable[step % editable.Count];
                var operation = step / editable.Count % 6;
                var place = step / editable.Count / 6;
                var paragraph = copy[index];
                if (paragraph is null)
                {
                    continue;
                }

                var newWord = $"{who}{Vocabulary[(place + fresh) % Vocabulary.Length]}{fresh++}";
                var line = paragraph[place % paragraph.Count];
                switch (operation)
                {
                    case 0:
                        line[place % line.Count] = newWord;
                        break;
                    case 1:
                        line.Insert(place % (line.Count + 1), newWord);
                        break;
                    case 2 when line.Count > 1:
                        line.RemoveAt(place % line.Count);
                        break;
                    case 3:
                        copy[index] = null;
                        break;
                    case 4:
                        if (added[index].Count == 0)
                        {
                            added[index].Add([newWord, $"{who}alinea{fresh++}"]);
                        }

                        break;
                    default:
                        break;
                }
            }

            return new Document(copy, added);
        }

        private IEnumerable<List<List<string>>> Paragraphs()
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (paragraphs[i] is { } paragraph)
                {
                    yield return paragraph;
                }

                if (inserted[i].Count > 0)
                {
                    yield return inserted[i];
                }
            }
        }
    }
}
