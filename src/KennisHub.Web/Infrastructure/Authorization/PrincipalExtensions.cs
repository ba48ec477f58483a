using System.Security.Claims;
using KennisHub.Core.Identity;

namespace KennisHub.Web.Infrastructure.Authorization;

/// <summary>
/// What pages need to know about the signed-in person, read from the cookie's claims. The reader for queries is
/// <see cref="ReaderExtensions.ToReader"/>.
/// </summary>
public static class PrincipalExtensions
{
    public static Guid? GetUserId(this ClaimsPrincipal principal)
        => principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string GetDisplayName(this ClaimsPrincipal principal)
        => principal.FindFirstValue(KennisHubClaimTypes.DisplayName) ?? principal.Identity?.Name ?? "";

    /// <summary>Signed in, but a Beheerder has not yet approved the account: public content only.</summary>
    public static bool AwaitsApproval(this ClaimsPrincipal principal)
        => principal.Identity?.IsAuthenticated == true
            && principal.FindFirstValue(KennisHubClaimTypes.ApprovalStatus) == nameof(ApprovalStatus.Pending);

    /// <summary>The person making a change, for the audit log.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
        => new(principal.GetUserId() ?? throw new InvalidOperationException("Niet ingelogd."), principal.GetDisplayName());
}
