using KennisHub.Core.Audit;
using KennisHub.Core.Coauthoring;
using KennisHub.Core.Identity;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Account;

/// <summary>
/// The signed-in person's own account: name, e-mail, approval and roles, links to the security pages and to Mijn
/// gegevens, and the active sessions (device, signed in at, last seen), each of which they can end.
/// </summary>
public sealed class ProfielModel(
    UserManager<KennisHubUser> users,
    SignInManager<KennisHubUser> signIn,
    UserSessions sessions,
    Coauthors coauthors,
    TimeProvider time) : PageModel
{
    private static readonly string[] KnownMessages = ["wachtwoord-gewijzigd", "tweestaps-uit", "sessie-beeindigd", "andere-sessies-beeindigd",
        "uitnodiging-aangenomen", "uitnodiging-afgeslagen", "uitnodiging-vervallen"];

    /// <summary>Open invitations to be co-author of an item this person may see (issue 16).</summary>
    public IReadOnlyList<CoauthorInvitation> Invitations { get; private set; } = [];

    public KennisHubUser Account { get; private set; } = new();

    public IList<string> Roles { get; private set; } = [];

    public IReadOnlyList<ActiveSession> Sessions { get; private set; } = [];

    /// <summary>A status message after a change (only known codes, so the query string cannot inject text).</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? melding, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Account = user;
        Roles = await users.GetRolesAsync(user);
        var current = DatabaseTicketStore.CurrentSessionId(HttpContext);
        Sessions = (await sessions.ListAsync(user.Id, time.GetUtcNow(), cancellationToken))
            .Select(s => new ActiveSession(s, DeviceDescription.Parse(s.UserAgent), s.Id == current))
            .OrderByDescending(s => s.IsCurrent)
            .ToList();
        Message = KnownMessages.Contains(melding) ? melding : null;
        Invitations = await coauthors.OpenInvitationsAsync(User.ToReader(), cancellationToken);
        return Page();
    }

    /// <summary>Accepts one of the person's own invitations (keyed by their own id: no one answers for another).</summary>
    public Task<IActionResult> OnPostUitnodigingAannemenAsync(string? soort, Guid? item, CancellationToken cancellationToken)
        => AnswerAsync(soort, item, accept: true, cancellationToken);

    public Task<IActionResult> OnPostUitnodigingAfslaanAsync(string? soort, Guid? item, CancellationToken cancellationToken)
        => AnswerAsync(soort, item, accept: false, cancellationToken);

    private async Task<IActionResult> AnswerAsync(string? soort, Guid? item, bool accept, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is null)
        {
            return Challenge();
        }

        if (soort is not (SubjectKinds.Article or SubjectKinds.Theme) || item is not { } subjectId)
        {
            return LocalRedirect("/account/profiel?melding=uitnodiging-vervallen");
        }

        var outcome = accept
            ? await coauthors.AcceptAsync(soort, subjectId, User.ToActor(), cancellationToken)
            : await coauthors.DeclineAsync(soort, subjectId, User.ToActor(), cancellationToken);
        var message = outcome != CoauthorOutcome.Done ? "uitnodiging-vervallen" : accept ? "uitnodiging-aangenomen" : "uitnodiging-afgeslagen";
        return LocalRedirect("/account/profiel?melding=" + message);
    }

    /// <summary>Ends one of the person's own sessions; ending this one signs out here.</summary>
    public async Task<IActionResult> OnPostSessieBeeindigenAsync(Guid sessie, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var isCurrent = sessie == DatabaseTicketStore.CurrentSessionId(HttpContext);
        await sessions.EndOwnSessionAsync(user.Id, sessie, User.ToActor(), cancellationToken);
        if (isCurrent)
        {
            await signIn.SignOutAsync();
            return LocalRedirect("/");
        }

        return LocalRedirect("/account/profiel?melding=sessie-beeindigd");
    }

    /// <summary>Every session but this one ends (a lost phone, a shared computer).</summary>
    public async Task<IActionResult> OnPostAndereSessiesBeeindigenAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await sessions.EndAllAsync(user.Id, DatabaseTicketStore.CurrentSessionId(HttpContext), new AuditEntry(
            "account.other-sessions-ended", "User", user.Id, "Andere sessies beëindigd", user.Id, user.DisplayName), cancellationToken);
        return LocalRedirect("/account/profiel?melding=andere-sessies-beeindigd");
    }

    /// <summary>A moment as shown in the Netherlands (Europe/Amsterdam), in the reader's language.</summary>
    public static string ShowTime(DateTimeOffset value)
        => TimeZoneInfo.ConvertTime(value, DutchTime).ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    private static readonly TimeZoneInfo DutchTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public sealed record ActiveSession(SessionSummary Session, (string? Browser, string? System) Device, bool IsCurrent);
}
