using System.Net;
using System.Text;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Markdown;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Search;

/// <summary>One result as the page shows it; <see cref="SnippetHtml"/> is escaped text with &lt;mark&gt; around the matched words.</summary>
public sealed record SearchHit(string Kind, string Title, string Url, string SnippetHtml, string? OrganisationName, DateTimeOffset ItemDate, IReadOnlyList<string> Themes);

public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchHit> Hits, int Page, bool HasNextPage);

/// <summary>
/// The search: a small title index ranked whole, plus the all-text index read newest first and stopped after
/// <see cref="BodyCandidates"/> matches; the two candidate sets are merged, scored (a title match weighs
/// <see cref="TitleWeight"/> times a text match) and paged take+1. Visibility is a condition of both candidate
/// queries, so results, snippets and themes only ever come from what the reader may see.
/// </summary>
public sealed class Searcher(Db db)
{
    public const int PageSize = 20;

    /// <summary>Title-index matches taken (best first).</summary>
    public const int TitleCandidates = 300;

    /// <summary>All-text matches taken (newest first); what lies beyond is reached by a more precise query.</summary>
    public const int BodyCandidates = 1000;

    public const double TitleWeight = 3.0;

    private const int SnippetWords = 32;

    private static readonly MarkdownRenderer Renderer = new();

    // Settable properties, not a positional record: SQLite reports no type for an expression column of an empty result.
    private sealed record Candidate
    {
        public long DocId { get; init; }

        public double Score { get; init; }
    }

    private sealed record DocumentRow
    {
        public required long DocId { get; init; }

        public required string Kind { get; init; }

        public required Guid SubjectId { get; init; }

        public required string Slug { get; init; }

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public string? OrganisationName { get; init; }

        public required DateTimeOffset ItemDate { get; init; }
    }

    public async Task<SearchResults> SearchAsync(Reader reader, SearchQuery query, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        page = Math.Clamp(page, 1, BodyCandidates / PageSize);
        if (!query.CanSearch)
        {
            return new SearchResults(query, [], page, false);
        }

        var dialect = db.Dialect;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var titles = (await connection.QueryAsync<Candidate>(new CommandDefinition(dialect.SearchTitleCandidates, new
        {
            Match = query.Condition(dialect.FullTextSyntax, withPrefix: true), reader.Visibilities, Limit = TitleCandidates,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var bodies = await connection.QueryAsync<Candidate>(new CommandDefinition(dialect.SearchBodyCandidates, new
        {
            Match = query.Condition(dialect.FullTextSyntax, withPrefix: false), reader.Visibilities, Limit = BodyCandidates,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);

        if (query.Excluded.Count > 0 && titles.Count > 0)
        {
            // The title index knows only titles: a title match whose text has an excluded word goes.
            var excluded = (await connection.QueryAsync<long>(new CommandDefinition(dialect.SearchMatchingAmong, new
            {
                Match = query.ExcludedCondition(), Ids = titles.Select(t => t.DocId).ToList(),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
            titles.RemoveAll(t => excluded.Contains(t.DocId));
        }

        var scores = new Dictionary<long, double>();
        foreach (var title in titles)
        {
            scores[title.DocId] = TitleWeight * title.Score;
        }

        foreach (var body in bodies)
        {
            scores[body.DocId] = scores.GetValueOrDefault(body.DocId) + body.Score;
        }

        var ordered = scores.OrderBy(s => s.Value).ThenByDescending(s => s.Key).Select(s => s.Key).Skip((page - 1) * PageSize).Take(PageSize + 1).ToList();
        var hasNext = ordered.Count > PageSize;
        var pageIds = ordered.Take(PageSize).ToList();
        if (pageIds.Count == 0)
        {
            return new SearchResults(query, [], page, false);
        }

        const string DocumentsSql = """
            SELECT DocId, Kind, SubjectId, Slug, Title, Summary, OrganisationName, ItemDate
            FROM SearchDocuments
            WHERE DocId IN @Ids AND Visibility IN @Visibilities
            """;
        const string ThemesSql = """
            SELECT at.ArticleId AS SubjectId, t.Title
            FROM ArticleThemes at
            INNER JOIN Themes t ON t.Id = at.ThemeId
            WHERE at.ArticleId IN @Ids AND t.Visibility IN @Visibilities
            ORDER BY t.Title
            """;
        var documents = (await connection.QueryAsync<DocumentRow>(new CommandDefinition(DocumentsSql, new { Ids = pageIds, reader.Visibilities },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(d => d.DocId);
        var bodiesById = new Dictionary<Guid, string>();
        foreach (var group in documents.Values.GroupBy(d => d.Kind))
        {
            var kind = SearchKinds.Get(group.Key);
            var rows = await connection.QueryAsync<(Guid SubjectId, string Body)>(new CommandDefinition(kind.BodiesSql, new { Ids = group.Select(d => d.SubjectId).ToList() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows)
            {
                bodiesById[row.SubjectId] = kind.BodyIsMarkdown ? Renderer.Render(row.Body).PlainText : row.Body;
            }
        }

        var articleIds = documents.Values.Where(d => d.Kind == SearchKinds.Article.Name).Select(d => d.SubjectId).ToList();
        var themes = articleIds.Count == 0
            ? Array.Empty<(Guid SubjectId, string Title)>().ToLookup(t => t.SubjectId, t => t.Title)
            : (await connection.QueryAsync<(Guid SubjectId, string Title)>(new CommandDefinition(ThemesSql, new { Ids = articleIds, reader.Visibilities },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(t => t.SubjectId, t => t.Title);

        var hits = new List<SearchHit>();
        foreach (var id in pageIds)
        {
            if (!documents.TryGetValue(id, out var document))
            {
                continue;
            }

            var kind = SearchKinds.Get(document.Kind);
            var snippet = Snippet(bodiesById.GetValueOrDefault(document.SubjectId) ?? string.Empty, query)
                ?? Snippet(document.Summary, query)
                ?? Escape(Cut(document.Summary.Length > 0 ? document.Summary : bodiesById.GetValueOrDefault(document.SubjectId) ?? string.Empty));
            hits.Add(new SearchHit(document.Kind, document.Title, kind.PathPrefix + document.Slug, snippet, document.OrganisationName, document.ItemDate,
                themes[document.SubjectId].ToList()));
        }

        return new SearchResults(query, hits, page, hasNext);
    }

    /// <summary>
    /// The stretch of <paramref name="text"/> with the most different query words, escaped, the words in &lt;mark&gt;;
    /// null when no word matches. Only words that start like a query term are stemmed (the first two letters of a
    /// Dutch stem are the word's), so a 2,000-word body costs a scan, not 2,000 stems.
    /// </summary>
    public static string? Snippet(string text, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var terms = query.Terms;
        var heads = terms.Select(t => t.Length >= 2 ? t[..2] : t).ToHashSet(StringComparer.Ordinal);
        if (query.Prefix is { } prefix)
        {
            heads.Add(prefix.Length >= 2 ? prefix[..2] : prefix);
        }

        var tokens = DutchAnalyzer.Tokens(text).ToList();
        var matched = new int[tokens.Count];
        var any = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var folded = tokens[i].Folded;
            if (folded.Length < 2 ? !heads.Contains(folded) : !heads.Contains(folded[..2]))
            {
                continue;
            }

            var term = DutchAnalyzer.Term(folded);
            if (term is not null && (terms.Contains(term) || (query.Prefix is { } p && DutchAnalyzer.PrefixTerm(folded).StartsWith(p, StringComparison.Ordinal))))
            {
                matched[i] = term.GetHashCode(StringComparison.Ordinal) | 1;
                any = true;
            }
        }

        if (!any)
        {
            return null;
        }

        var bestStart = 0;
        var bestScore = -1;
        for (var start = 0; start < tokens.Count; start++)
        {
            if (matched[start] == 0)
            {
                continue;
            }

            var distinct = new HashSet<int>();
            for (var j = start; j < Math.Min(tokens.Count, start + SnippetWords); j++)
            {
                if (matched[j] != 0)
                {
                    distinct.Add(matched[j]);
                }
            }

            if (distinct.Count > bestScore)
            {
                bestScore = distinct.Count;
                bestStart = start;
            }
        }

        var first = Math.Max(0, bestStart - 6);
        var last = Math.Min(tokens.Count - 1, first + SnippetWords);
        var html = new StringBuilder();
        if (first > 0)
        {
            html.Append("… ");
        }

        var position = tokens[first].Start;
        for (var i = first; i <= last; i++)
        {
            html.Append(WebUtility.HtmlEncode(text[position..tokens[i].Start]));
            var word = WebUtility.HtmlEncode(text.Substring(tokens[i].Start, tokens[i].Length));
            html.Append(matched[i] != 0 ? $"<mark>{word}</mark>" : word);
            position = tokens[i].Start + tokens[i].Length;
        }

        if (last < tokens.Count - 1)
        {
            html.Append(" …");
        }

        return html.ToString();
    }

    private static string Cut(string text) => text.Length <= 240 ? text : text[..240].TrimEnd() + " …";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
