using System.Security.Cryptography;
using System.Text;
using KennisHub.Core.Identity;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>
/// Registrations per e-mail domain (Security:RegistrationPerDomain, default 30 an hour), counted in the database so
/// every instance shares them; the per-address limit is the rate limiter's (Security:Registration, default 30 an
/// hour). Together they stop a script that registers in bulk from one address or for one domain, while a whole
/// municipality behind one town-hall address can still sign up its colleagues on the same afternoon.
/// </summary>
public sealed class RegistrationLimit(AttemptCounters counters, TimeProvider time, IOptions<SecurityOptions> options)
{
    private RateLimitOptions Limit => options.Value.RegistrationPerDomain;

    private TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, Limit.WindowSeconds));

    /// <summary>How long until this address's domain may register again; null when it may now.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counts = await counters.GetAsync([Subject(email)], now - Window, cancellationToken);
        return counts.FirstOrDefault() is { } count && count.Attempts >= Math.Max(1, Limit.PermitLimit)
            ? count.WindowStartsAt + Window - now
            : null;
    }

    /// <summary>Counts a registration (also one for an address that already has an account: they look alike).</summary>
    public Task CountAsync(string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return counters.RecordAsync([Subject(email)], now, now - Window, cancellationToken);
    }

    private static string Subject(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant();
        return "registration-domain:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(domain)));
    }
}
