using KennisHub.Core.Audit;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Beheer;

/// <summary>The audit log for Beheerders: read and filter only; nothing here (or anywhere) edits or deletes a line.</summary>
[Authorize(Policy = Policies.ViewAuditLog)]
public sealed class LogboekModel(AuditLogQuery query, IStringLocalizer<SecurityText> text) : PageModel
{
    /// <summary>Dates on the page are Dutch calendar days.</summary>
    internal static readonly TimeZoneInfo DutchTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [BindProperty(SupportsGet = true, Name = "handeling")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "soort")]
    public string? SubjectKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "door")]
    public string? ActorName { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 1, AuditLogQuery.DefaultPageSize, HasMore: false);

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<string> SubjectKinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Actions, SubjectKinds) = await query.ChoicesAsync(cancellationToken);
        if (From > Until)
        {
            ModelState.AddModelError("van", text["Logboek_InvalidPeriod"]);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var filter = new AuditFilter(Action, SubjectKind, ActorName, StartOf(From), StartOf(Until?.AddDays(1)));
        Result = await query.FindAsync(filter, Math.Max(1, PageNumber), cancellationToken: cancellationToken);
    }

    public static DateTimeOffset LocalTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, DutchTime);

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["handeling"] = Action,
        ["soort"] = SubjectKind,
        ["door"] = ActorName,
        ["van"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["tot"] = Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset? StartOf(DateOnly? day)
    {
        if (day is not { } date)
        {
            return null;
        }

        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, DutchTime.GetUtcOffset(local)).ToUniversalTime();
    }
}
