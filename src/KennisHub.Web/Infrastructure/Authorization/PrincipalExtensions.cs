using System.Security.Claims;
using KennisHub.Core.Identity;
using KennisHub.Core.Reading;

namespace KennisHub.Web.Infrastructure.Authorization;

/// <summary>What pages need to know about the signed-in person, read from the cookie's claims.</summary>
public static class PrincipalExtensions
{
    /// <summary>The reader every list and lookup takes: user id and roles, or <see cref="Reader.Visitor"/>.</summary>
    public static Reader ToReader(this ClaimsPrincipal principal)
    {
        var userId = principal.GetUserId();
        if (userId is null)
        {
            return Reader.Visitor;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Reader(userId, roles);
    }

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
