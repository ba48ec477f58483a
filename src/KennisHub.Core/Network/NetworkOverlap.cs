using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Organisations;

namespace KennisHub.Core.Network;

/// <summary>One current relation, as the overlap picture reads it: the member (with what the filter looks at) and the network.</summary>
public sealed record OverlapMembership
{
    public required Guid MemberId { get; init; }

    public required string MemberName { get; init; }

    public required Guid NetworkId { get; init; }

    public required string NetworkSlug { get; init; }

    public required string NetworkName { get; init; }
}

/// <summary>A network as a row of the picture: its members within the filter.</summary>
public sealed record OverlapSet(Guid Id, string Slug, string Name, int Size);

/// <summary>
/// One exact combination of networks (a column of the picture): the organisations that are in precisely these
/// networks and no other, so every organisation is counted in one column only.
/// </summary>
public sealed record OverlapCombination(IReadOnlyList<int> SetIndexes, int Count, IReadOnlyList<string> ExampleMembers)
{
    public int Degree => SetIndexes.Count;
}

/// <summary>
/// The overlap of networks as an UpSet diagram: the networks are rows (ordered by size), the exact combinations are
/// columns (ordered by how many organisations share them), a dot where a column includes a row, a bar per column for
/// its count and a bar per row for the network's size. Pure: the same memberships give the same picture.
/// </summary>
public sealed record OverlapPicture(IReadOnlyList<OverlapSet> Sets, IReadOnlyList<OverlapCombination> Combinations, int MemberCount, int HiddenCombinations)
{
    public const int MaxCombinations = 24;

    public static OverlapPicture Compute(IEnumerable<OverlapMembership> memberships, int maxCombinations = MaxCombinations)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        var rows = memberships.ToList();
        var sets = rows
            .GroupBy(r => r.NetworkId)
            .Select(g => new OverlapSet(g.Key, g.First().NetworkSlug, g.First().NetworkName, g.Select(r => r.MemberId).Distinct().Count()))
            .OrderByDescending(s => s.Size).ThenBy(s => s.Name, StringComparer.CurrentCulture).ThenBy(s => s.Slug, StringComparer.Ordinal)
            .ToList();
        var index = sets.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);

        var combinations = rows
            .GroupBy(r => r.MemberId)
            .Select(g => (Key: string.Join(',', g.Select(r => index[r.NetworkId]).Distinct().Order()), Name: g.First().MemberName))
            .GroupBy(m => m.Key)
            .Select(g => new OverlapCombination(
                g.Key.Split(',').Select(int.Parse).ToList(),
                g.Count(),
                g.Select(m => m.Name).Order(StringComparer.CurrentCulture).Take(5).ToList()))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Degree).ThenBy(c => string.Join(',', c.SetIndexes.Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .ToList();
        var members = rows.Select(r => r.MemberId).Distinct().Count();
        var shown = combinations.Take(maxCombinations).ToList();
        return new OverlapPicture(sets, shown, members, combinations.Count - shown.Count);
    }

    /// <summary>The drawing's coordinates, in SVG user units; every number the view draws comes from here.</summary>
    public OverlapLayout Layout() => new(this);
}

/// <summary>
/// Where everything of an <see cref="OverlapPicture"/> sits: a bar chart of combination counts on top, the dot matrix
/// under it (one row per network, one column per combination), set-size bars to the left of the network names.
/// </summary>
public sealed class OverlapLayout(OverlapPicture picture)
{
    public const int ColumnWidth = 28;
    public const int RowHeight = 26;
    public const int BarAreaHeight = 120;
    public const int SetBarWidth = 80;
    public const int Top = 20;
    public const int DotRadius = 8;
    public const int FontSize = 13;

    /// <summary>Labels longer than this are cut with an ellipsis in the drawing (the table has the whole name).</summary>
    public const int MaxLabelCharacters = 48;

    /// <summary>A generous average width of a character at <see cref="FontSize"/>, so no label reaches the dots.</summary>
    public const int CharacterWidth = 8;

    /// <summary>The room for the network names: the longest label, at least 120 units.</summary>
    public int LabelWidth => Math.Max(120, (picture.Sets.Count == 0 ? 0 : picture.Sets.Max(s => Label(s).Length) * CharacterWidth) + 20);

    public int MatrixLeft => SetBarWidth + LabelWidth;

    /// <summary>A row's label: the network's name and size, cut to <see cref="MaxLabelCharacters"/>.</summary>
    public string Label(int row) => Label(picture.Sets[row]);

    private static string Label(OverlapSet set)
    {
        var name = set.Name.Length > MaxLabelCharacters ? set.Name[..(MaxLabelCharacters - 1)] + "…" : set.Name;
        return $"{name} ({set.Size.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)})";
    }

    public int MatrixTop => Top + BarAreaHeight + 10;

    public int Width => MatrixLeft + (Math.Max(picture.Combinations.Count, 1) * ColumnWidth) + 10;

    public int Height => MatrixTop + (Math.Max(picture.Sets.Count, 1) * RowHeight) + 10;

    public int ColumnCenterX(int column) => MatrixLeft + (column * ColumnWidth) + (ColumnWidth / 2);

    public int RowCenterY(int row) => MatrixTop + (row * RowHeight) + (RowHeight / 2);

    private int MaxCount => picture.Combinations.Count == 0 ? 1 : picture.Combinations.Max(c => c.Count);

    private int MaxSize => picture.Sets.Count == 0 ? 1 : picture.Sets.Max(s => s.Size);

    /// <summary>The height of a column's bar: proportional to its count, the largest filling the bar area, never under 1.</summary>
    public int BarHeight(int column) => Math.Max(1, (int)Math.Round(picture.Combinations[column].Count * (double)BarAreaHeight / MaxCount));

    /// <summary>The top of a column's bar (bars stand on the line just above the matrix).</summary>
    public int BarTop(int column) => Top + BarAreaHeight - BarHeight(column);

    /// <summary>The width of a network's size bar, growing leftwards from the names.</summary>
    public int SetBarLength(int row) => Math.Max(1, (int)Math.Round(picture.Sets[row].Size * (double)(SetBarWidth - 10) / MaxSize));

    public bool Includes(int column, int row) => picture.Combinations[column].SetIndexes.Contains(row);

    /// <summary>The vertical line joining a column's dots: from its first to its last included row (none for one network).</summary>
    public (int Y1, int Y2)? Connector(int column)
    {
        var rows = picture.Combinations[column].SetIndexes;
        return rows.Count < 2 ? null : (RowCenterY(rows.Min()), RowCenterY(rows.Max()));
    }
}

/// <summary>The /netwerk filter: the members' province and kind (GET, in the URL).</summary>
public sealed record OverlapFilter(string? Province = null, OrganisationKind? Kind = null);

/// <summary>Reads the current relations the overlap picture is made of.</summary>
public sealed class OverlapQueries(Db db)
{
    private const string Select = """
        SELECT m.Id AS MemberId, m.Name AS MemberName, w.Id AS NetworkId, w.Slug AS NetworkSlug, w.Name AS NetworkName
        FROM NetworkMemberships n
        INNER JOIN Organisations m ON m.Id = n.MemberId
        INNER JOIN Organisations w ON w.Id = n.NetworkId
        WHERE n.EndedAt IS NULL
        """;

    private const string AllSql = Select;
    private const string ByProvinceSql = Select + " AND m.Province = @Province";
    private const string ByKindSql = Select + " AND m.Kind = @Kind";
    private const string ByBothSql = Select + " AND m.Province = @Province AND m.Kind = @Kind";

    public async Task<OverlapPicture> PictureAsync(OverlapFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = (filter.Province, filter.Kind) switch
        {
            (null, null) => AllSql,
            (not null, null) => ByProvinceSql,
            (null, not null) => ByKindSql,
            _ => ByBothSql,
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OverlapMembership>(new CommandDefinition(
            sql, new { filter.Province, Kind = filter.Kind?.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return OverlapPicture.Compute(rows);
    }
}
