using System.Globalization;

namespace KennisHub.Web.Pages.Beheer;

/// <summary>
/// Times are stored in UTC; the Beheer pages show them as Dutch wall-clock time (Europe/Amsterdam, summer and winter
/// time included), whatever the server's own zone is, and name the zone once per page.
/// </summary>
public static class DutchTime
{
    public const string ZoneId = "Europe/Amsterdam";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset ToDutch(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>Short date and time in the reader's culture, e.g. "2-12-2026 09:15" or "12/2/2026 9:15 AM".</summary>
    public static string Format(DateTimeOffset moment) => ToDutch(moment).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable value for a &lt;time datetime&gt; attribute (UTC, round-trip).</summary>
    public static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// The UTC moment a Dutch calendar day starts, or null for no bound: a day so far out that the zone offset would
    /// leave the calendar (0001-01-01, 9999-12-31) is as good as no bound, and must not overflow.
    /// </summary>
    public static DateTimeOffset? StartOfDay(DateOnly? day)
    {
        if (day is not { } date || date.Year < 2 || date.Year > 9998)
        {
            return null;
        }

        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
