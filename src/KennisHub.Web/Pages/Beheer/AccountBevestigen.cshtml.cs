using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Beheer;

/// <summary>
/// The confirmation step before a risky account change (refusing a request, removing a role): a real page, so it
/// works without JavaScript, that names the person, the change and what follows, and posts the change itself to
/// /beheer/accounts with <c>bevestigd=true</c>. Policy AccountsBeheren.
/// </summary>
public sealed class AccountBevestigenModel(AccountAdministration accounts) : PageModel
{
    public const string Refuse = "afwijzen";
    public const string RemoveRole = "rol-intrekken";

    public static string Address(string action, Guid id, string? role = null)
        => $"/beheer/accounts/bevestigen?actie={action}&id={id:D}" + (role is null ? "" : "&rol=" + Uri.EscapeDataString(role));

    public AccountSummary Account { get; private set; } = default!;

    public string Action { get; private set; } = "";

    public string? Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "actie")] string? actie, [FromQuery(Name = "id")] Guid? id, [FromQuery(Name = "rol")] string? rol, CancellationToken cancellationToken)
    {
        if (id is not { } accountId || await accounts.FindAsync(accountId, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        var known = actie switch
        {
            Refuse => account.ApprovalStatus != ApprovalStatus.Rejected,
            RemoveRole => rol is not null && account.Roles.Contains(rol),
            _ => false,
        };
        if (!known)
        {
            return NotFound();
        }

        (Account, Action, Role) = (account, actie!, actie == RemoveRole ? rol : null);
        return Page();
    }
}
