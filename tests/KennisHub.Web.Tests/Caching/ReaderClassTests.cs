using System.Security.Claims;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Caching;
using KennisHub.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Http;

namespace KennisHub.Web.Tests.Caching;

/// <summary>The key a public page is kept under for its reader: shared by role, personal for item rights.</summary>
public sealed class ReaderClassTests
{
    [Fact]
    public void Members_with_the_same_roles_share_a_class_whatever_the_order_of_their_role_claims()
    {
        var one = Context(Guid.NewGuid(), RoleNames.NetworkMember, RoleNames.AtelierMember);
        var other = Context(Guid.NewGuid(), RoleNames.AtelierMember, RoleNames.NetworkMember);

        ReaderClass.Of(one).ShouldBe(ReaderClass.Of(other));
        ReaderClass.Of(one).ShouldNotBe(ReaderClass.Of(Context(Guid.NewGuid(), RoleNames.NetworkMember)));
        ReaderClass.Of(new DefaultHttpContext()).ShouldBe(ReaderClass.Visitor);
    }

    [Fact]
    public void A_person_with_item_rights_has_a_class_of_their_own()
    {
        var id = Guid.NewGuid();
        var author = Context(id, RoleNames.NetworkMember);
        DatabaseTicketStore.MarkItemRights(author);

        ReaderClass.Of(author).ShouldBe("persoon:" + id.ToString("N"));
        ReaderClass.Of(author).ShouldNotBe(ReaderClass.Of(Context(Guid.NewGuid(), RoleNames.NetworkMember)));
    }

    [Fact]
    public void Awaiting_approval_is_a_class_apart()
    {
        var waiting = Context(Guid.NewGuid());
        ((ClaimsIdentity)waiting.User.Identity!).AddClaim(new Claim(KennisHubClaimTypes.ApprovalStatus, nameof(ApprovalStatus.Pending)));

        ReaderClass.Of(waiting).ShouldNotBe(ReaderClass.Of(Context(Guid.NewGuid())));
    }

    private static DefaultHttpContext Context(Guid userId, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId.ToString()) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Proef")) };
    }
}
