using System.Security.Claims;
using KennisHub.Core.Reading;

namespace KennisHub.Web.Infrastructure;

/// <summary>The one way a page learns who reads: the signed-in user's id (NameIdentifier) and role claims.</summary>
public static class ReaderExtensions
{
    public static Reader ToReader(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return Reader.Visitor;
        }

        var roles = user.Claims
            .Where(claim => claim.Type == ClaimTypes.Role || claim.Type == (user.Identity as ClaimsIdentity)?.RoleClaimType)
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new Reader(userId, roles);
    }
}
