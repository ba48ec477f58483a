using KennisHub.Core.Identity;

namespace KennisHub.Core.Reading;

/// <summary>
/// Who is reading. Every list and lookup takes a Reader and returns only what it may see: the one
/// "visible to this reader" seam. Pages never filter after the fact.
/// </summary>
public sealed record Reader(Guid? UserId, IReadOnlySet<string> Roles)
{
    public static readonly Reader Visitor = new(null, new HashSet<string>());

    public bool IsSignedIn => UserId is not null;

    public bool IsAdministrator => Roles.Contains(RoleNames.Administrator);

    /// <summary>Network members and every role above them (an approved account always has Netwerklid).</summary>
    public bool IsNetworkMember => IsAdministrator || Roles.Contains(RoleNames.NetworkMember)
        || Roles.Contains(RoleNames.AtelierMember) || Roles.Contains(RoleNames.LobbyTeam);

    public bool IsAtelierMember => IsAdministrator || Roles.Contains(RoleNames.AtelierMember);

    /// <summary>The visibilities this reader may see, as stored names, for <c>Visibility IN @Visibilities</c>.</summary>
    public IReadOnlyList<string> Visibilities => IsAtelierMember
        ? [nameof(Visibility.Public), nameof(Visibility.Network), nameof(Visibility.Atelier)]
        : IsNetworkMember
            ? [nameof(Visibility.Public), nameof(Visibility.Network)]
            : [nameof(Visibility.Public)];

    public bool MaySee(Visibility visibility) => Visibilities.Contains(visibility.ToString());
}
