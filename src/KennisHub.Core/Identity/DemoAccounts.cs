using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>The four demo accounts a developer signs in with: one per role, all approved.</summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<(string Email, string DisplayName, string[] Roles)> All =
    [
        ("beheerder@kennishub.example", "Demo Beheerder", [RoleNames.Administrator, RoleNames.NetworkMember]),
        ("atelier@kennishub.example", "Demo Atelierlid", [RoleNames.AtelierMember, RoleNames.NetworkMember]),
        ("lobby@kennishub.example", "Demo Lobbyteam", [RoleNames.LobbyTeam, RoleNames.NetworkMember]),
        ("lid@kennishub.example", "Demo Netwerklid", [RoleNames.NetworkMember]),
    ];

    /// <summary>A random password that passes every validator: 20 characters from an unambiguous alphabet.</summary>
    public static string RandomPassword()
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 20);
    }

    /// <summary>Creates the accounts with the given password; throws with Identity's errors if one cannot be made.</summary>
    public static async Task CreateAsync(UserManager<KennisHubUser> users, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var (email, displayName, roles) in All)
        {
            var user = new KennisHubUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                ApprovalStatus = ApprovalStatus.Approved,
            };
            Ensure(await users.CreateAsync(user, password), email);
            Ensure(await users.AddToRolesAsync(user, roles), email);
        }
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo-account {email} kon niet worden aangemaakt: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
