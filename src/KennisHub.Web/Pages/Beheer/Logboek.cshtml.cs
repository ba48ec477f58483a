using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
    [BindProperty(SupportsGet = true, Name = "handeling")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "soort")]
    public string? SubjectKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "door")]
    public string? ActorName { get; set; }

    // Display names are resource keys, so a binding error names the field as the form does ("Vanaf datum").
    [BindProperty(SupportsGet = true, Name = "van")]
    [Display(Name = "Logboek_From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    [Display(Name = "Logboek_Until")]
    public DateOnly? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    [Display(Name = "Logboek_PageField")]
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

        var until = Until is { Year: < 9999 } day ? DutchTime.StartOfDay(day.AddDays(1)) : null;
        var filter = new AuditFilter(Action, SubjectKind, ActorName, DutchTime.StartOfDay(From), until);
        Result = await query.FindAsync(filter, Math.Max(1, PageNumber), cancellationToken: cancellationToken);
    }

    /// <summary>The label of an action code ("account.created" -> "Account aangemaakt"); an unknown code as it is.</summary>
    public string ActionLabel(string code) => Label("Audit_Action_" + code, code);

    /// <summary>The label of a subject kind ("User" -> "Account").</summary>
    public string SubjectKindLabel(string code) => Label("Audit_Kind_" + code, code);

    private string Label(string key, string code) => text[key] is { ResourceNotFound: false } found ? found.Value : code;

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["handeling"] = Action,
        ["soort"] = SubjectKind,
        ["door"] = ActorName,
        ["van"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["tot"] = Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["pagina"] = page.ToString(CultureInfo.InvariantCulture),
    };
}
