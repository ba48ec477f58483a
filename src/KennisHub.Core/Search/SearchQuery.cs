using System.Text;
using KennisHub.Core.Data;

namespace KennisHub.Core.Search;

/// <summary>Why a query gives no search, or what was changed about it; the page turns each into a Dutch sentence.</summary>
public enum QueryNotice
{
    None,
    Empty,
    OnlyStopWords,
    OnlyExclusions,
    Shortened,
}

/// <summary>A group of words that must stand together: one word, or a phrase between quotes.</summary>
public sealed record QueryClause(IReadOnlyList<string> Terms, IReadOnlyList<string> Words)
{
    public bool IsPhrase => Terms.Count > 1;
}

/// <summary>
/// A search as the reader typed it, parsed leniently: words, "phrases" (an unbalanced quote closes at the end),
/// -exclusions, and the last word also as a prefix (while typing). Everything else is not syntax: operators and
/// FTS characters are word separators, control characters are dropped, and the text is cut at <see cref="MaxLength"/>.
/// The engine's condition is built from analysed terms only (letters and digits, each quoted), so nothing the
/// reader types reaches the engine's syntax.
/// </summary>
public sealed record SearchQuery(string Text, IReadOnlyList<QueryClause> Required, IReadOnlyList<QueryClause> Excluded, string? Prefix, QueryNotice Notice)
{
    public const int MaxLength = 200;

    public bool CanSearch => Required.Count > 0;

    /// <summary>Every term of the required clauses (the words a snippet marks).</summary>
    public IReadOnlySet<string> Terms => Required.SelectMany(c => c.Terms).ToHashSet(StringComparer.Ordinal);

    public static SearchQuery Parse(string? raw)
    {
        var notice = QueryNotice.None;
        var text = new StringBuilder();
        foreach (var c in (raw ?? string.Empty).Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not '\uFFFD')
            {
                text.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        var cleaned = text.ToString().Trim();
        if (cleaned.Length > MaxLength)
        {
            cleaned = cleaned[..MaxLength].TrimEnd();
            notice = QueryNotice.Shortened;
        }

        if (cleaned.Length == 0)
        {
            return new SearchQuery(string.Empty, [], [], null, QueryNotice.Empty);
        }

        var required = new List<QueryClause>();
        var excluded = new List<QueryClause>();
        string? prefix = null;
        var hadWords = false;
        var i = 0;
        while (i < cleaned.Length)
        {
            if (cleaned[i] == ' ')
            {
                i++;
                continue;
            }

            var negative = false;
            if (cleaned[i] == '-' && i + 1 < cleaned.Length && cleaned[i + 1] != ' ')
            {
                negative = true;
                i++;
            }

            string piece;
            var phrase = false;
            if (cleaned[i] == '"')
            {
                var end = cleaned.IndexOf('"', i + 1);
                piece = end < 0 ? cleaned[(i + 1)..] : cleaned[(i + 1)..end];
                i = end < 0 ? cleaned.Length : end + 1;
                phrase = true;
            }
            else
            {
                var end = cleaned.IndexOfAny([' ', '"'], i);
                piece = end < 0 ? cleaned[i..] : cleaned[i..end];
                i = end < 0 ? cleaned.Length : end;
            }

            var words = DutchAnalyzer.Tokens(piece).Select(t => t.Folded).ToList();
            hadWords |= words.Count > 0;
            var terms = words.Select(DutchAnalyzer.Term).OfType<string>().ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            if (phrase)
            {
                (negative ? excluded : required).Add(new QueryClause(terms, words));
                continue;
            }

            // Outside quotes, "wijk-aanpak" or "a+b" are separate words, each required.
            foreach (var (term, word) in terms.Zip(words.Where(w => DutchAnalyzer.Term(w) is not null)))
            {
                (negative ? excluded : required).Add(new QueryClause([term], [word]));
            }

            if (!negative && i >= cleaned.Length && !DutchAnalyzer.IsStopWord(words[^1]) && words[^1].Length >= 2)
            {
                prefix = DutchAnalyzer.PrefixTerm(words[^1]);
            }
        }

        if (required.Count == 0)
        {
            notice = excluded.Count > 0 ? QueryNotice.OnlyExclusions : hadWords ? QueryNotice.OnlyStopWords : QueryNotice.Empty;
        }

        return new SearchQuery(cleaned, required, excluded, prefix, notice);
    }

    /// <summary>The condition for the engine; <paramref name="withPrefix"/> also lets the last word match as a prefix.</summary>
    public string Condition(FullTextSyntax syntax, bool withPrefix)
    {
        var parts = Required.Select(c => Quote(c.Terms)).ToList();
        if (withPrefix && Prefix is { } p && Required.Count > 0 && !Required[^1].IsPhrase)
        {
            parts[^1] = syntax == FullTextSyntax.Fts5
                ? $"({parts[^1]} OR \"{p}\"*)"
                : $"({parts[^1]} OR \"{p}*\")";
        }

        var positive = string.Join(" AND ", parts);
        if (Excluded.Count == 0)
        {
            return positive;
        }

        var negative = string.Join(" OR ", Excluded.Select(c => Quote(c.Terms)));
        return syntax == FullTextSyntax.Fts5 ? $"({positive}) NOT ({negative})" : $"({positive}) AND NOT ({negative})";
    }

    /// <summary>The condition that matches any excluded clause (to drop title matches whose text has one).</summary>
    public string ExcludedCondition() => string.Join(" OR ", Excluded.Select(c => Quote(c.Terms)));

    private static string Quote(IReadOnlyList<string> terms) => "\"" + string.Join(' ', terms) + "\"";
}
