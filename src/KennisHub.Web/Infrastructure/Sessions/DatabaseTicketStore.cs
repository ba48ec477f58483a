using System.Security.Claims;
using System.Security.Cryptography;
using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace KennisHub.Web.Infrastructure.Sessions;

/// <summary>
/// The Identity cookie's tickets, kept server-side in the Sessions table (shared by every instance): the cookie holds
/// only a protected session id. Signing out deletes the row, so a replayed cookie opens nothing. "Last seen" is
/// written at most once per <see cref="LastSeenInterval"/> per session (and on every renewal), not on every request.
/// </summary>
public sealed class DatabaseTicketStore(UserSessions sessions, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    public static readonly TimeSpan LastSeenInterval = TimeSpan.FromMinutes(5);

    private const string CurrentSessionItem = "KennisHub.Session.Id";
    private const string RefreshItem = "KennisHub.Session.Refresh";
    private const string FreshSignInItem = "KennisHub.Session.FreshSignIn";
    private const string ItemRightsItem = "KennisHub.Session.ItemRights";

    private readonly IDataProtector protector = protection.CreateProtector("KennisHub.Sessions.v1");

    /// <summary>The id of the session this request runs in (set while the cookie is read or written).</summary>
    public static Guid? CurrentSessionId(HttpContext context)
        => context.Items.TryGetValue(CurrentSessionItem, out var id) && id is Guid guid ? guid : null;

    /// <summary>True when a role change asked this session to rebuild its principal from the database.</summary>
    public static bool RefreshRequested(HttpContext context) => context.Items.ContainsKey(RefreshItem);

    /// <summary>
    /// True when this request's person may change particular items (see <see cref="StoredSession.HasItemRights"/>):
    /// their pages are personal and never shared with others of their role (PublicPageCaching).
    /// </summary>
    public static bool HasItemRights(HttpContext context) => context.Items.ContainsKey(ItemRightsItem);

    /// <summary>Records for this request that its person has item rights (read with the session).</summary>
    public static void MarkItemRights(HttpContext context) => context.Items[ItemRightsItem] = true;

    /// <summary>Called while signing in with a password or code (not when a ticket is only refreshed).</summary>
    public static void MarkFreshSignIn(HttpContext context) => context.Items[FreshSignInItem] = true;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
        => StoreAsync(ticket, userAgent: null, context: null, cancellationToken);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
        => StoreAsync(ticket, httpContext.Request.Headers.UserAgent.ToString(), httpContext, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
        => RenewCoreAsync(key, ticket, httpContext, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
        => RenewCoreAsync(key, ticket, context: null, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
        => RetrieveCoreAsync(key, context: null, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
        => RetrieveCoreAsync(key, httpContext, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (Guid.TryParseExact(key, "N", out var id))
        {
            await sessions.DeleteAsync(id, cancellationToken);
        }
    }

    private async Task<string> StoreAsync(AuthenticationTicket ticket, string? userAgent, HttpContext? context, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var now = time.GetUtcNow();
        await sessions.CreateAsync(id, UserIdOf(ticket), Protect(ticket), Blank(userAgent), now, ExpiresAt(ticket, now), cancellationToken);
        context?.Items[CurrentSessionItem] = id;
        return id.ToString("N");
    }

    private async Task RenewCoreAsync(string key, AuthenticationTicket ticket, HttpContext? context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        var now = time.GetUtcNow();
        var userId = UserIdOf(ticket);
        var protectedTicket = Protect(ticket);
        if (await sessions.RenewAsync(id, userId, protectedTicket, now, ExpiresAt(ticket, now), cancellationToken)
            || context is null || !context.Items.ContainsKey(FreshSignInItem))
        {
            // Renewed, or revoked while this request ran: a revoked session is never brought back by a refresh.
            return;
        }

        // The cookie handler reuses the request's session id when someone signs in again in the same browser, also as
        // another person: the old session is replaced, never handed the new person's ticket under the old owner.
        await sessions.DeleteAsync(id, cancellationToken);
        await sessions.CreateAsync(id, userId, protectedTicket, Blank(context.Request.Headers.UserAgent.ToString()), now, ExpiresAt(ticket, now), cancellationToken);
        context.Items[CurrentSessionItem] = id;
    }

    private async Task<AuthenticationTicket?> RetrieveCoreAsync(string key, HttpContext? context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var stored = await sessions.FindAsync(id, now, cancellationToken);
        if (stored is null || Unprotect(stored.Ticket) is not { } ticket || UserIdOf(ticket) != stored.UserId)
        {
            return null;
        }

        if (now - stored.LastSeenAt > LastSeenInterval)
        {
            await sessions.TouchAsync(id, now, cancellationToken);
        }

        if (context is not null)
        {
            context.Items[CurrentSessionItem] = id;
            if (stored.RefreshPrincipal)
            {
                context.Items[RefreshItem] = true;
            }

            if (stored.HasItemRights)
            {
                MarkItemRights(context);
            }
        }

        return ticket;
    }

    private string Protect(AuthenticationTicket ticket) => Convert.ToBase64String(protector.Protect(TicketSerializer.Default.Serialize(ticket)));

    private AuthenticationTicket? Unprotect(string value)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(Convert.FromBase64String(value)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // A ticket from a key ring that no longer exists: the session is simply over.
            return null;
        }
    }

    private static Guid UserIdOf(AuthenticationTicket ticket)
        => Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("Een sessie zonder gebruikers-id kan niet worden bewaard.");

    private static DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) => ticket.Properties.ExpiresUtc ?? now + IdentitySetup.IdleTimeout;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
