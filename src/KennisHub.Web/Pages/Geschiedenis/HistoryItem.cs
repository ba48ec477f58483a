using System.Globalization;
using KennisHub.Core.Revisions;

namespace KennisHub.Web.Pages.Geschiedenis;

/// <summary>
/// The two kinds of item with a history, as their addresses name them: /kennis/{slug}/... is an article,
/// /themas/{slug}/... a theme. The history pages serve both from one route with this segment as {soort}; any other
/// segment is 404 from the page (not a route constraint, so a wrong method on any address still gets its 405).
/// </summary>
public sealed record HistoryItem(string Segment, string SubjectKind, string SectionTextKey)
{
    public static readonly HistoryItem Article = new("kennis", SubjectKinds.Article, "Nav_Articles");

    public static readonly HistoryItem Theme = new("themas", SubjectKinds.Theme, "Nav_Themes");

    public static HistoryItem? FromSegment(string? segment) => segment switch
    {
        "kennis" => Article,
        "themas" => Theme,
        _ => null,
    };

    public string SectionUrl => "/" + Segment;

    public string ItemUrl(string slug) => $"/{Segment}/{Uri.EscapeDataString(slug)}";

    public string HistoryUrl(string slug) => ItemUrl(slug) + "/geschiedenis";

    public string RevisionUrl(string slug, int number) => HistoryUrl(slug) + "/" + number.ToString(CultureInfo.InvariantCulture);

    public string CompareUrl(string slug, int older, int newer, bool sideBySide = false)
        => string.Create(CultureInfo.InvariantCulture, $"{ItemUrl(slug)}/vergelijken?van={older}&naar={newer}{(sideBySide ? "&weergave=naast" : "")}");

    /// <summary>The restore confirmation page (built by the editor's branch): it answers 403 to whoever may not edit.</summary>
    public string RestoreUrl(string slug, int number) => ItemUrl(slug) + "/herstellen/" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A revision number from the address: a whole number from 1 (no signs, spaces or letters).</summary>
    public static bool TryParseNumber(string? value, out int number)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;

    /// <summary>The size change of a revision in characters, signed and in words, never by colour alone: "+12 tekens".</summary>
    public static string SizeChange(int change, string charactersFormat)
        => string.Format(CultureInfo.CurrentCulture, charactersFormat, change > 0 ? "+" + change.ToString("N0", CultureInfo.CurrentCulture) : change.ToString("N0", CultureInfo.CurrentCulture));
}
