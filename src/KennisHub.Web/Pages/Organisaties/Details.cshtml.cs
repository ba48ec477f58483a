using KennisHub.Core.Articles;
using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using KennisHub.Web.Pages.Kennis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// /organisaties/{slug}: the organisation, its member count and a page of the articles this reader may see; 404 when
/// unknown, and for a bad or past-the-end ?pagina=.
/// </summary>
public sealed class DetailsModel(
    OrganisationQueries organisations, ArticleQueries articles, MembershipQueries memberships, NetworkQueries network, IAuthorizationService authorization) : PageModel
{
    public const int NetworkMembersPageSize = 50;

    /// <summary>The networks this organisation is a member of, with since-dates (public, as organisations are).</summary>
    public IReadOnlyList<NetworkRelation> Networks { get; private set; } = [];

    /// <summary>For a network or association: a page of its member organisations (?ledenpagina=), else null.</summary>
    public ListPage<NetworkRelation>? NetworkMembers { get; private set; }

    /// <summary>The approved members, for signed-in network members only: visitors never see people's names.</summary>
    public IReadOnlyList<OrganisationMember> Members { get; private set; } = [];

    public bool MayJoin { get; private set; }

    public bool MayManage { get; private set; }

    public OrganisationDetail Organisation { get; private set; } = null!;

    public ListPage<ArticleSummary> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(
        string slug, [FromQuery(Name = "pagina")] string? pagina, [FromQuery(Name = "ledenpagina")] string? ledenpagina, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindBySlugAsync(slug, cancellationToken);
        if (organisation is null || !KnowledgeFormat.TryParsePage(pagina, out var page) || !KnowledgeFormat.TryParsePage(ledenpagina, out var membersPage))
        {
            return NotFound();
        }

        Organisation = organisation;
        Networks = await network.NetworksOfAsync(organisation.Id, cancellationToken);
        if (NetworkKinds.HasMembers(organisation.Kind))
        {
            NetworkMembers = await network.MembersAsync(organisation.Id, membersPage, NetworkMembersPageSize, cancellationToken);
            if (NetworkMembers.IsPastEnd)
            {
                return NotFound();
            }
        }
        else if (membersPage > 1)
        {
            return NotFound();
        }

        var reader = User.ToReader();
        Articles = await articles.ListForOrganisationAsync(reader, organisation.Slug, page, KnowledgeFormat.PageSize, cancellationToken);
        if (reader.IsNetworkMember)
        {
            Members = (await memberships.MembersAsync(organisation.Id, cancellationToken)).Where(m => m.Status == MembershipStatus.Approved).ToList();
            // Not "unless already a member": members of one reader class share this page's cached copy, so it shows
            // nothing about the person; the join page says where their membership stands.
            MayJoin = true;
            MayManage = (await authorization.AuthorizeAsync(User, organisation, Policies.ManageOwnOrganisation)).Succeeded;
        }

        return Articles.IsPastEnd ? NotFound() : Page();
    }

    /// <summary>The address of page {0} of the organisation's articles: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Organisaties/Details", new { slug = Organisation.Slug, pagina = page }));

    /// <summary>The address of page {0} of the network's members (the articles' page stays where it was).</summary>
    public string MembersPageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Organisaties/Details", new
    {
        slug = Organisation.Slug,
        pagina = Articles.Page > 1 ? Articles.Page : (int?)null,
        ledenpagina = page,
    }));
}
