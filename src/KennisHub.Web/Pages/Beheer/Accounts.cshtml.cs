using KennisHub.Core.Identity;
using KennisHub.Core.Reading;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Beheer;

/// <summary>
/// Beheerders approve or refuse requested accounts and add or remove roles. Each change is written with its audit
/// line and a new security stamp in one transaction (see <see cref="AccountAdministration"/>). Refusing and removing
/// a role are confirmed first on <see cref="AccountBevestigenModel"/>: a post without <c>bevestigd</c> only leads
/// there. The applicant hears of a decision by mail. Policy AccountsBeheren.
/// </summary>
public sealed class AccountsModel(AccountAdministration accounts, AccountMail mail) : PageModel
{
    private static readonly string[] KnownMessages = ["goedgekeurd", "afgewezen", "rol-toegekend", "rol-ingetrokken", "niets-gewijzigd", "niet-toegestaan", "kies-rol", "overal-uitgelogd"];

    public const int PageSize = 25;

    /// <summary>The roles a Beheerder can give, the least powerful first; no role is preselected.</summary>
    public static readonly IReadOnlyList<string> RolesToGive = [RoleNames.NetworkMember, RoleNames.AtelierMember, RoleNames.LobbyTeam, RoleNames.Administrator];

    public IReadOnlyList<AccountSummary> Pending { get; private set; } = [];

    public PagedList<AccountSummary> All { get; private set; } = new([], 0, 1, PageSize);

    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public string PagerUrlFormat => string.IsNullOrWhiteSpace(Search)
        ? "/beheer/accounts?pagina={0}"
        : "/beheer/accounts?zoek=" + Uri.EscapeDataString(Search.Trim()) + "&pagina={0}";

    public async Task OnGetAsync(string? melding, [FromQuery(Name = "pagina")] int? pagina, CancellationToken cancellationToken)
    {
        Search = Search is { Length: > 200 } ? Search[..200] : Search;
        Pending = await accounts.ListPendingAsync(cancellationToken);
        All = await accounts.ListAsync(Search, Math.Max(1, pagina ?? 1), PageSize, cancellationToken);
        Message = KnownMessages.Contains(melding) ? melding : null;
    }

    public async Task<IActionResult> OnPostGoedkeurenAsync(Guid id, CancellationToken cancellationToken)
    {
        var change = await accounts.ApproveAsync(id, User.ToActor(), cancellationToken);
        if (change == AccountChange.Done)
        {
            await mail.ApprovedAsync(id, mail.SiteAddress(Request), cancellationToken);
        }

        return Done(change, "goedgekeurd");
    }

    public async Task<IActionResult> OnPostAfwijzenAsync(Guid id, bool bevestigd, CancellationToken cancellationToken)
    {
        if (!bevestigd)
        {
            return Redirect(AccountBevestigenModel.Address(AccountBevestigenModel.Refuse, id));
        }

        var change = await accounts.RejectAsync(id, User.ToActor(), cancellationToken);
        if (change == AccountChange.Done)
        {
            await mail.RejectedAsync(id, cancellationToken);
        }

        return Done(change, "afgewezen");
    }

    public async Task<IActionResult> OnPostRolToekennenAsync(Guid id, string? role, CancellationToken cancellationToken)
        => string.IsNullOrEmpty(role)
            ? Redirect("/beheer/accounts?melding=kies-rol")
            : Done(await accounts.AddRoleAsync(id, role, User.ToActor(), cancellationToken), "rol-toegekend");

    public async Task<IActionResult> OnPostRolIntrekkenAsync(Guid id, string? role, bool bevestigd, CancellationToken cancellationToken)
        => !bevestigd
            ? Redirect(AccountBevestigenModel.Address(AccountBevestigenModel.RemoveRole, id, role))
            : Done(await accounts.RemoveRoleAsync(id, role ?? "", User.ToActor(), cancellationToken), "rol-ingetrokken");

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
