namespace KennisHub.Core.Identity;

/// <summary>The four roles (names as stored; the UI shows the Dutch glossary words from resources).</summary>
public static class RoleNames
{
    public const string Administrator = "Beheerder";
    public const string AtelierMember = "Atelierlid";
    public const string LobbyTeam = "Lobbyteam";
    public const string NetworkMember = "Netwerklid";

    public static readonly IReadOnlyList<string> All = [Administrator, AtelierMember, LobbyTeam, NetworkMember];
}
