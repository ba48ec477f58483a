using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>A KennisHub account: Identity's user with a display name, an approval status and TOTP replay protection.</summary>
public sealed class KennisHubUser : IdentityUser<Guid>
{
    public KennisHubUser()
    {
        Id = Guid.NewGuid();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";

    /// <summary>A new account waits for a Beheerder; until then it has no role and sees public content only.</summary>
    public ApprovalStatus ApprovalStatus { get; set; } = ApprovalStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The last authenticator time step accepted: a code from this step or earlier is refused (one use per code).</summary>
    public long? LastAuthenticatorTimeStep { get; set; }

    /// <summary>The language the person registered in ("nl" or "en"), for mail about their account; set on creation.</summary>
    public string? PreferredLanguage { get; set; }
}

/// <summary>A role (the four names in <see cref="RoleNames"/>).</summary>
public sealed class KennisHubRole : IdentityRole<Guid>
{
    public KennisHubRole()
    {
        Id = Guid.NewGuid();
    }

    public KennisHubRole(string name)
        : this()
    {
        Name = name;
    }
}

/// <summary>Stored by name in Users.ApprovalStatus.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Claim types KennisHub adds to a signed-in user's principal, next to Identity's own.</summary>
public static class KennisHubClaimTypes
{
    public const string DisplayName = "kennishub:displayname";
    public const string ApprovalStatus = "kennishub:approval";

    /// <summary>Stored in UserClaims: the organisation a person named when registering (free text).</summary>
    public const string Organisation = "kennishub:organisation";
}
