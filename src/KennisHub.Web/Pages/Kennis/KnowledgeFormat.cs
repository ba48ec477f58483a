using System.Globalization;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>Small shared bits of the knowledge pages: reading a page number from the query, a pager address, showing a date.</summary>
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

    /// <summary>
    /// A page address with "{0}" where the page number goes, for the Pager component. <paramref name="urlFor"/>
    /// builds the address with a marker as the number; every other value in it is URL-encoded, so it holds no braces.
    /// </summary>
    public static string PageUrlFormat(Func<string, string?> urlFor)
    {
        const string Marker = "PAGENUMBERMARKER";
        return (urlFor(Marker) ?? "").Replace(Marker, "{0}", StringComparison.Ordinal);
    }

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
