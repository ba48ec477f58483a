using System.Globalization;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>Small shared bits of the knowledge pages: reading a page number from the query, showing a date.</summary>
public static class KnowledgeFormat
{
    public const int PageSize = 20;

    /// <summary>Far past any real list, and small enough that (page - 1) * PageSize cannot overflow an OFFSET.</summary>
    public const int MaxPage = 100_000;

    private static readonly TimeZoneInfo Netherlands = FindNetherlands();

    /// <summary>An absent value is page 1; otherwise a whole number from 1 to <see cref="MaxPage"/> (no signs, spaces or letters).</summary>
    public static bool TryParsePage(string? value, out int page)
    {
        if (value is null)
        {
            page = 1;
            return true;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPage;
    }

    /// <summary>A date as people in the Netherlands saw it, in the current culture's words ("24 november 2026").</summary>
    public static string Date(DateTimeOffset value)
        => TimeZoneInfo.ConvertTime(value, Netherlands).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable form for a &lt;time datetime&gt; attribute.</summary>
    public static string IsoDate(DateTimeOffset value)
        => TimeZoneInfo.ConvertTime(value, Netherlands).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindNetherlands()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

/// <summary>What the pager partial needs: where we are, and how to link to another page.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, Func<int, string?> UrlFor);
