using KennisHub.Core.Content;
using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace KennisHub.Web.Infrastructure.Authorization;

/// <summary>The item a rule is about: an article or theme by kind (SubjectKinds) and id.</summary>
public sealed record ItemResource(string SubjectKind, Guid SubjectId);

/// <summary>"May edit this item": its Active co-authors and Beheerders (policies <see cref="Policies.EditThisArticle"/>, <see cref="Policies.EditThisTheme"/>).</summary>
public sealed class EditItemRequirement : IAuthorizationRequirement
{
    public static readonly EditItemRequirement Instance = new();
}

/// <summary>
/// The resource-based rule behind editing: a Beheerder may edit every item, anyone else only the items they are an
/// Active co-author of. Pages first find the item through the Reader (404 when it is not visible), then ask this
/// (403 when it is visible but not theirs to edit).
/// </summary>
public sealed class CoauthorAuthorizationHandler(Authorship authorship) : AuthorizationHandler<EditItemRequirement, ItemResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EditItemRequirement requirement, ItemResource resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.IsInRole(RoleNames.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.GetUserId() is { } userId && !context.User.AwaitsApproval()
            && await authorship.IsActiveCoauthorAsync(resource.SubjectKind, resource.SubjectId, userId).ConfigureAwait(false))
        {
            context.Succeed(requirement);
        }
    }
}
