using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace KennisHub.Web.Infrastructure.Authorization;

/// <summary>
/// The authorization matrix: one named policy per action, the roles that may perform it, and the page folders it
/// guards. Every handler that changes something checks its action here (by folder convention or with
/// <c>IAuthorizationService.AuthorizeAsync(User, Policies.X)</c>); a new action adds one line to <see cref="Matrix"/>.
/// Reading is not here: what a reader may see is filtered in SQL through <see cref="Core.Reading.Reader"/>.
/// Accounts awaiting approval have no role, so only <see cref="SignedIn"/> lets them in.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account, approved or not: the person's own profile and security settings.</summary>
    public const string SignedIn = "Ingelogd";

    /// <summary>Every page under /beheer.</summary>
    public const string Administration = "Beheren";

    public const string ManageAccounts = "AccountsBeheren";
    public const string ViewAuditLog = "LogboekInzien";
    public const string ManageOrganisations = "OrganisatiesBeheren";
    public const string ImportContent = "InhoudImporteren";
    public const string EditTheme = "ThemaBewerken";
    public const string WriteArticle = "KennisartikelSchrijven";
    public const string PostComment = "ReactiePlaatsen";
    public const string DraftPosition = "StandpuntOpstellen";
    public const string EndorsePosition = "StandpuntOnderschrijven";
    public const string ProposeAmendment = "WijzigingVoorstellen";
    public const string CreateTheme = "ThemaAanmaken";

    /// <summary>Make or revoke one's personal feed address (a pending account sees only public items: the open feed).</summary>
    public const string PersonalFeed = "PersoonlijkeFeed";

    /// <summary>Follow articles, themes, organisations and keywords; Mijn KennisHub.</summary>
    public const string Follow = "Volgen";

    /// <summary>Resource-based: this article, for its Active co-authors and Beheerders (<see cref="CoauthorAuthorizationHandler"/>).</summary>
    public const string EditThisArticle = "DitKennisartikelBewerken";

    /// <summary>Resource-based: this theme, for its Active co-authors and Beheerders (<see cref="CoauthorAuthorizationHandler"/>).</summary>
    public const string EditThisTheme = "DitThemaBewerken";

    /// <summary>Ask to join an organisation; the signed-in person's own memberships and people's profiles.</summary>
    public const string JoinOrganisation = "LidWorden";

    /// <summary>
    /// Manage one organisation (profile, members, requests, contact persons, mandates): its contact persons and
    /// Beheerders, decided by <see cref="ContactPersonHandler"/> with the organisation as resource, not by role.
    /// </summary>
    public const string ManageOwnOrganisation = "OrganisatieBeheren";

    private static readonly string[] Administrators = [RoleNames.Administrator];
    private static readonly string[] AtelierMembers = [RoleNames.AtelierMember, RoleNames.Administrator];
    private static readonly string[] LobbyTeam = [RoleNames.LobbyTeam, RoleNames.Administrator];
    private static readonly string[] NetworkMembers = [RoleNames.NetworkMember, RoleNames.AtelierMember, RoleNames.LobbyTeam, RoleNames.Administrator];

    /// <summary>Policy name to the roles that satisfy it (any one of them).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Matrix = new Dictionary<string, IReadOnlyList<string>>
    {
        [Administration] = Administrators,
        [ManageAccounts] = Administrators,
        [ViewAuditLog] = Administrators,
        [ManageOrganisations] = Administrators,
        [ImportContent] = Administrators,
        [EditTheme] = AtelierMembers,
        [CreateTheme] = AtelierMembers,
        [DraftPosition] = LobbyTeam,
        [WriteArticle] = NetworkMembers,
        [PostComment] = NetworkMembers,
        [EndorsePosition] = NetworkMembers,
        [ProposeAmendment] = NetworkMembers,
        [JoinOrganisation] = NetworkMembers,
        [PersonalFeed] = NetworkMembers,
        [Follow] = NetworkMembers,
    };

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(ManageOwnOrganisation, policy => policy.RequireAuthenticatedUser().AddRequirements(new ContactPersonRequirement()));
        foreach (var (name, roles) in Matrix)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }

        options.AddPolicy(EditThisArticle, policy => policy.RequireAuthenticatedUser().AddRequirements(EditItemRequirement.Instance));
        options.AddPolicy(EditThisTheme, policy => policy.RequireAuthenticatedUser().AddRequirements(EditItemRequirement.Instance));
    }

    /// <summary>Which pages need which policy. Pages not listed are public.</summary>
    public static void ApplyTo(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizeFolder("/Beheer", Administration);
        conventions.AuthorizePage("/Beheer/Accounts", ManageAccounts);
        conventions.AuthorizePage("/Beheer/AccountBevestigen", ManageAccounts);
        conventions.AuthorizePage("/Kennis/Nieuw", WriteArticle);
        conventions.AuthorizePage("/Kennis/Bewerken", SignedIn);
        conventions.AuthorizePage("/Themas/Nieuw", CreateTheme);
        conventions.AuthorizePage("/Themas/Bewerken", SignedIn);
        conventions.AuthorizePage("/Kennis/Herstellen", SignedIn);
        conventions.AuthorizePage("/Themas/Herstellen", SignedIn);
        conventions.AuthorizePage("/Account/Profiel", SignedIn);
        conventions.AuthorizePage("/Account/WachtwoordWijzigen", SignedIn);
        conventions.AuthorizePage("/Account/Tweestapsverificatie", SignedIn);
        conventions.AuthorizePage("/Account/Lidmaatschappen", JoinOrganisation);
        conventions.AuthorizePage("/Account/Feed", PersonalFeed);
        conventions.AuthorizeFolder("/Volgen", Follow);
        conventions.AuthorizeFolder("/Mijn", Follow);
        conventions.AuthorizePage("/Organisaties/LidWorden", JoinOrganisation);
        conventions.AuthorizePage("/Organisaties/Beheren", JoinOrganisation);
        conventions.AuthorizePage("/Organisaties/Profiel", JoinOrganisation);
        conventions.AuthorizePage("/Organisaties/Netwerkleden", JoinOrganisation);
        conventions.AuthorizeFolder("/Mensen", JoinOrganisation);
        conventions.AuthorizeFolder("/Auteurs", SignedIn);
    }
}
