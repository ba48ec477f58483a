using System.Data.Common;
using Dapper;

namespace KennisHub.Core.Reading;

/// <summary>One page of a list: the items, the total across all pages, and where this page sits.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>Rows to skip for a 1-based page number (the @Skip of SqlDialect.Page).</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * pageSize);
}

public static class PagedQueries
{
    /// <summary>
    /// Runs a paged query whose last column is <c>CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount</c>
    /// (the total before paging; BIGINT so both providers hand back a long).
    /// A page past the end has no rows and so reports a total of 0; callers answer such a page with 404.
    /// </summary>
    public static async Task<PagedList<T>> QueryPageAsync<T>(
        this DbConnection connection, string pagedSql, object parameters, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = 0L;
        var rows = await connection.QueryAsync<T, long, T>(
            new CommandDefinition(pagedSql, parameters, cancellationToken: cancellationToken),
            (item, count) =>
            {
                total = count;
                return item;
            },
            splitOn: "TotalCount").ConfigureAwait(false);
        return new PagedList<T>(rows.AsList(), (int)total, page, pageSize);
    }
}
