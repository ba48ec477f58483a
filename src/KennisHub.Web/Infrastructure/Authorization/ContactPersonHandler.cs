using KennisHub.Core.Identity;
using KennisHub.Core.Organisations;
using Microsoft.AspNetCore.Authorization;

namespace KennisHub.Web.Infrastructure.Authorization;

/// <summary>"Contact person of this organisation": the rule behind every page that manages an organisation.</summary>
public sealed class ContactPersonRequirement : IAuthorizationRequirement;

/// <summary>
/// Passes for a Beheerder, and for an approved contact person of the organisation that is the resource (never of
/// another one): pages call <c>AuthorizeAsync(User, organisation, Policies.ManageOwnOrganisation)</c> with the
/// organisation their address names, and every write then names that organisation again in its SQL.
/// </summary>
public sealed class ContactPersonHandler(MembershipQueries memberships) : AuthorizationHandler<ContactPersonRequirement, OrganisationDetail>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ContactPersonRequirement requirement, OrganisationDetail resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.IsInRole(RoleNames.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.GetUserId() is { } userId && !context.User.AwaitsApproval()
            && await memberships.IsContactPersonAsync(userId, resource.Id))
        {
            context.Succeed(requirement);
        }
    }
}
