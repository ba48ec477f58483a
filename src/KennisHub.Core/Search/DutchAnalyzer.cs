using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace KennisHub.Core.Search;

/// <summary>One word of a text: where it stands in the original (for snippets) and its folded form.</summary>
public readonly record struct TextToken(int Start, int Length, string Folded);

/// <summary>
/// The one analysis of Dutch text, applied in C# to what is indexed and to what is searched, on both databases:
/// words are runs of letters and digits, lower-cased with diacritics folded (coördinatie = coordinatie, privé =
/// prive), Dutch stop words dropped (Lucene's Dutch list), and the rest reduced by Snowball's Dutch stemmer
/// (gemeenten = gemeente, wijken = wijk, speelplaatsen = speelplaats). Snowball leaves a long vowel in an open
/// syllable single (bomen -> bom, straten -> strat) while the singular keeps it (boom, straat), so every doubled
/// vowel of a stem is made single as well: boom and bomen meet at "bom". The cost is a few homographs that meet
/// too (boom/bom, maan/man), which the title index and phrases keep apart in the ranking.
/// </summary>
public static class DutchAnalyzer
{
    /// <summary>Words longer than this are not words (a pasted hash, a URL): they are cut.</summary>
    public const int MaxWordLength = 40;

    [ThreadStatic]
    private static DutchStemmer? stemmer;

    /// <summary>The indexed form of a whole text: its terms separated by spaces.</summary>
    public static string Analyse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length / 2);
        foreach (var token in Tokens(text))
        {
            if (Term(token.Folded) is { } term)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(term);
            }
        }

        return builder.ToString();
    }

    /// <summary>The words of a text in order, with their place in it.</summary>
    public static IEnumerable<TextToken> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text, i))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            if (i > start)
            {
                var length = i - start;
                yield return new TextToken(start, length, Fold(text.AsSpan(start, Math.Min(length, MaxWordLength * 2))));
            }
        }
    }

    /// <summary>Lower case without diacritics: "Coördinatie" -> "coordinatie", "ĳ" -> "ij".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            var lower = word.ToString().ToLowerInvariant();
            return lower.Length > MaxWordLength ? lower[..MaxWordLength] : lower;
        }

        var decomposed = word.ToString().Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var folded = builder.ToString();
        return folded.Length > MaxWordLength ? folded[..MaxWordLength] : folded;
    }

    public static bool IsStopWord(string folded) => StopWords.Contains(folded);

    /// <summary>The term a folded word is indexed under, or null for a stop word.</summary>
    public static string? Term(string folded)
    {
        if (folded.Length == 0 || IsStopWord(folded))
        {
            return null;
        }

        if (!char.IsLetter(folded[0]) || folded.Length <= 2)
        {
            return folded;
        }

        var snowball = stemmer ??= new DutchStemmer();
        snowball.SetCurrent(folded);
        snowball.Stem();
        // A second pass: Snowball removes one ending, so "speelplaatsen" stops at "speelplaats" while the singular
        // loses its s. Stemming the stem again brings both to one term (and changes nothing that was already a stem).
        snowball.SetCurrent(snowball.Current);
        snowball.Stem();
        return Undouble(snowball.Current);
    }

    /// <summary>The form a prefix typed so far is compared with: folded and with doubled vowels made single, as stems are.</summary>
    public static string PrefixTerm(string folded) => Undouble(folded);

    private static readonly HashSet<string> StopWords = BuildStopWords();

    private static HashSet<string> BuildStopWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Lucene.Net.Analysis.Nl.DutchAnalyzer.DefaultStopSet)
        {
            words.Add(Fold(word.ToString() ?? string.Empty));
        }

        return words;
    }

    private static string Undouble(string stem)
    {
        var doubled = false;
        for (var i = 1; i < stem.Length; i++)
        {
            if (stem[i] == stem[i - 1] && IsVowel(stem[i]))
            {
                doubled = true;
                break;
            }
        }

        if (!doubled)
        {
            return stem;
        }

        var builder = new StringBuilder(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            if (i > 0 && stem[i] == stem[i - 1] && IsVowel(stem[i]))
            {
                continue;
            }

            builder.Append(stem[i]);
        }

        return builder.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'o' or 'u';

    private static bool IsWordChar(string text, int i)
        => char.IsLetterOrDigit(text, i) || (char.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            && i > 0 && char.IsLetter(text, i - 1));
}
