using System.Data.Common;
using Dapper;

namespace KennisHub.Core.Reading;

/// <summary>One page of a list with its total: for the few lists that show how many there are (Beheer/Accounts).</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>Rows to skip for a 1-based page number (the @Skip of SqlDialect.Page).</summary>
    public static int Skip(int page, int pageSize) => ListPage<T>.Skip(page, pageSize);
}

/// <summary>
/// One page of a list without a total: the query fetched one row more than the page holds, so <see cref="HasNext"/>
/// is known without counting. A page past the end has no items (<see cref="IsPastEnd"/>): pages answer it with 404.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasNext)
{
    public bool HasPrevious => Page > 1;

    public bool IsPastEnd => Page > 1 && Items.Count == 0;

    /// <summary>Rows to skip for a 1-based page number, capped at int.MaxValue (for <see cref="PagedList{T}"/>).</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * pageSize);

    /// <summary>
    /// Rows to skip for a 1-based page number, computed in 64 bits. False when Skip + Take (page size + 1) would not
    /// fit an INT on both databases: such a page lies past the end of any list, so it is answered without a query
    /// (page 2,147,483,647 is an empty page, not an OFFSET overflow).
    /// </summary>
    public static bool TrySkip(int page, int pageSize, out int skip)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var rows = (Math.Max(page, 1) - 1L) * pageSize;
        skip = rows + pageSize + 1 <= int.MaxValue ? (int)rows : 0;
        return rows + pageSize + 1 <= int.MaxValue;
    }
}

public static class PagedQueries
{
    /// <summary>
    /// Runs a statement built with <c>SqlDialect.Page</c> for page <paramref name="page"/>: adds @Skip and @Take
    /// (page size + 1) to <paramref name="parameters"/>, and turns the extra row into <see cref="ListPage{T}.HasNext"/>.
    /// </summary>
    public static async Task<ListPage<T>> QueryListPageAsync<T>(
        this DbConnection connection, string pagedSql, object parameters, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!ListPage<T>.TrySkip(page, pageSize, out var skip))
        {
            return new ListPage<T>([], Math.Max(page, 1), pageSize, HasNext: false);
        }

        var arguments = new DynamicParameters(parameters);
        arguments.Add("Skip", skip);
        arguments.Add("Take", pageSize + 1);
        var rows = (await connection.QueryAsync<T>(new CommandDefinition(pagedSql, arguments, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var hasNext = rows.Count > pageSize;
        if (hasNext)
        {
            rows.RemoveAt(pageSize);
        }

        return new ListPage<T>(rows, Math.Max(page, 1), pageSize, hasNext);
    }

    /// <summary>
    /// Runs a paged query whose last column is <c>CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount</c>
    /// (the total before paging; BIGINT so both providers hand back a long). Only for a list that shows its total.
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
