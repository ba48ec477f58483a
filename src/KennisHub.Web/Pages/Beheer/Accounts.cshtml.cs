using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Beheer;

/// <summary>
/// Beheerders approve or reject requested accounts and add or remove roles. Each change is written with its audit
/// line and a new security stamp in one transaction (see <see cref="AccountAdministration"/>). Policy AccountsBeheren.
/// </summary>
public sealed class AccountsModel(AccountAdministration accounts) : PageModel
{
    private static readonly string[] KnownMessages = ["goedgekeurd", "afgewezen", "rol-toegekend", "rol-ingetrokken", "niets-gewijzigd", "niet-toegestaan"];

    public IReadOnlyList<AccountSummary> Pending { get; private set; } = [];

    public IReadOnlyList<AccountSummary> All { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? melding, CancellationToken cancellationToken)
    {
        var list = await accounts.ListAsync(cancellationToken);
        Pending = list.Where(a => a.ApprovalStatus == ApprovalStatus.Pending).ToList();
        All = list;
        Message = KnownMessages.Contains(melding) ? melding : null;
    }

    public async Task<IActionResult> OnPostGoedkeurenAsync(Guid id, CancellationToken cancellationToken)
        => Done(await accounts.ApproveAsync(id, User.ToActor(), cancellationToken), "goedgekeurd");

    public async Task<IActionResult> OnPostAfwijzenAsync(Guid id, CancellationToken cancellationToken)
        => Done(await accounts.RejectAsync(id, User.ToActor(), cancellationToken), "afgewezen");

    public async Task<IActionResult> OnPostRolToekennenAsync(Guid id, string? role, CancellationToken cancellationToken)
        => Done(await accounts.AddRoleAsync(id, role ?? "", User.ToActor(), cancellationToken), "rol-toegekend");

    public async Task<IActionResult> OnPostRolIntrekkenAsync(Guid id, string? role, CancellationToken cancellationToken)
        => Done(await accounts.RemoveRoleAsync(id, role ?? "", User.ToActor(), cancellationToken), "rol-ingetrokken");

    private RedirectResult Done(AccountChange change, string message) => Redirect("/beheer/accounts?melding=" + change switch
    {
        AccountChange.Done => message,
        AccountChange.NothingToChange => "niets-gewijzigd",
        _ => "niet-toegestaan",
    });
}
