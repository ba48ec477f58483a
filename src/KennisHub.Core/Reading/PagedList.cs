namespace KennisHub.Core.Reading;

/// <summary>One page of a list: the items, the total across all pages, and where this page sits.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>Rows to skip for a 1-based page number (the @Skip of SqlDialect.Page).</summary>
    public static int Skip(int page, int pageSize) => (Math.Max(page, 1) - 1) * pageSize;
}
