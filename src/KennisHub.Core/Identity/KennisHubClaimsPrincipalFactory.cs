using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KennisHub.Core.Identity;

/// <summary>
/// Identity's principal (NameIdentifier = user Guid, Name = e-mail, a role claim per role) plus the display name
/// and the approval status, so the header can greet by name and tell a pending account it awaits approval.
/// </summary>
public sealed class KennisHubClaimsPrincipalFactory(
    UserManager<KennisHubUser> userManager,
    RoleManager<KennisHubRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KennisHubUser, KennisHubRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KennisHubUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KennisHubClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(KennisHubClaimTypes.ApprovalStatus, user.ApprovalStatus.ToString()));
        return identity;
    }
}
