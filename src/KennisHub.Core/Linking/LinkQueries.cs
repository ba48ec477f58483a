using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Linking;

/// <summary>What an item page needs about links: the titles of its link targets and the items that link to it.</summary>
public sealed record ItemLinks(IReadOnlyList<LinkedItem> Targets, IReadOnlyList<LinkedItem> LinkedFrom);

/// <summary>
/// The read side of internal links, through the reader: only targets and linking items this reader may see come
/// back, so a hidden item's title never reaches a page.
/// </summary>
public sealed class LinkQueries(Db db)
{
    /// <summary>The most linking items a page lists under "Verwijst hierheen".</summary>
    public const int MaxLinkedFrom = 100;

    private const string TargetsSql = """
        SELECT 'kennis' AS Section, a.Slug, a.Title FROM Articles a WHERE a.Slug IN @Slugs AND a.Visibility IN @Visibilities
        UNION ALL
        SELECT 'themas' AS Section, t.Slug, t.Title FROM Themes t WHERE t.Slug IN @Slugs AND t.Visibility IN @Visibilities
        """;

    // Links to an article: by its address or a [[slug]]; to a theme: by its address or a [[slug]] (a [[slug]] that an
    // article of the same slug also answers is listed on both: the link itself resolves to the article).
    private const string LinkedFromSql = """
        SELECT 'kennis' AS Section, a.Slug, a.Title
        FROM ContentLinks cl
        INNER JOIN Articles a ON a.Id = cl.SourceId
        WHERE cl.TargetSlug = @Slug AND cl.TargetKind IN @TargetKinds AND cl.SourceKind = 'Article' AND a.Visibility IN @Visibilities
        UNION
        SELECT 'themas' AS Section, t.Slug, t.Title
        FROM ContentLinks cl
        INNER JOIN Themes t ON t.Id = cl.SourceId
        WHERE cl.TargetSlug = @Slug AND cl.TargetKind IN @TargetKinds AND cl.SourceKind = 'Theme' AND t.Visibility IN @Visibilities
        ORDER BY Title, Slug
        """;

    private const string ItemLinksSql = TargetsSql + ";\n" + LinkedFromSql;

    /// <summary>
    /// The targets of the marked links in <paramref name="html"/> and the items linking to this one, in one round
    /// trip; an item page calls this once.
    /// </summary>
    public async Task<ItemLinks> ForItemAsync(Reader reader, string subjectKind, string slug, string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slugs = LinkResolver.Targets(html).Select(t => t.Slug).Distinct().ToList();
        string[] targetKinds = [subjectKind, LinkTarget.AnyKind];
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            ItemLinksSql,
            new { Slugs = slugs, reader.Visibilities, Slug = slug, TargetKinds = targetKinds },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var targets = (await results.ReadAsync<LinkedItem>().ConfigureAwait(false)).AsList();
        var linkedFrom = (await results.ReadAsync<LinkedItem>().ConfigureAwait(false)).Take(MaxLinkedFrom).ToList();
        return new ItemLinks(targets, linkedFrom);
    }

    /// <summary>The visible targets of the marked links in <paramref name="html"/>: no query when it has none.</summary>
    public async Task<IReadOnlyList<LinkedItem>> TargetsAsync(Reader reader, string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slugs = LinkResolver.Targets(html).Select(t => t.Slug).Distinct().ToList();
        if (slugs.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<LinkedItem>(new CommandDefinition(
            TargetsSql, new { Slugs = slugs, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }
}
