using KennisHub.Core.Identity;
using KennisHub.Core.Reading;
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
    private static readonly string[] KnownMessages = ["goedgekeurd", "afgewezen", "rol-toegekend", "rol-ingetrokken", "niets-gewijzigd", "niet-toegestaan", "overal-uitgelogd"];

    public const int PageSize = 50;

    public IReadOnlyList<AccountSummary> Pending { get; private set; } = [];

    public PagedList<AccountSummary> All { get; private set; } = new([], 0, 1, PageSize);

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? melding, [FromQuery(Name = "pagina")] int? pagina, CancellationToken cancellationToken)
    {
        Pending = await accounts.ListPendingAsync(cancellationToken);
        All = await accounts.ListAsync(Math.Max(1, pagina ?? 1), PageSize, cancellationToken);
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

    /// <summary>"Overal uitloggen": every session of the account ends at once (a lost laptop, a leaving colleague).</summary>
    public async Task<IActionResult> OnPostOveralUitloggenAsync(Guid id, CancellationToken cancellationToken)
        => Done(await accounts.SignOutEverywhereAsync(id, User.ToActor(), cancellationToken), "overal-uitgelogd");

    private RedirectResult Done(AccountChange change, string message) => Redirect("/beheer/accounts?melding=" + change switch
    {
        AccountChange.Done => message,
        AccountChange.NothingToChange => "niets-gewijzigd",
        _ => "niet-toegestaan",
    });
}
