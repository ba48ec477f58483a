using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using KennisHub.Core.Identity;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>
/// Throttling of password guesses instead of a lockout (OWASP ASVS 4.0.3 §2.2.1, v5 §6.3.1): failed attempts are
/// counted per account, per client address, and per account from that address, in the database so every instance
/// sees them. After the free attempts each next try must wait longer (doubling up to a ceiling); an early try
/// answers 429 without checking the password. The account is whatever address was typed, so an unknown address is
/// throttled exactly like a known one and throttling tells nothing about which accounts exist. A stranger at one
/// address runs into the per-address-and-account limit long before the per-account one, so the owner, signing in from
/// elsewhere, is not stopped. Used by sign-in and by every page that asks the current password again.
/// </summary>
public sealed class PasswordGuard(AttemptCounters counters, TimeProvider time, IOptions<SecurityOptions> options)
{
    private PasswordGuessingOptions Limits => options.Value.PasswordGuessing;

    /// <summary>How long this client must still wait before trying a password for this account; null when it may try now.</summary>
    public async Task<TimeSpan?> WaitAsync(HttpContext context, string account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subjects = Subjects(context, account).ToDictionary(s => s.Key, s => s.Free);
        var counts = await counters.GetAsync(subjects.Keys, now - Limits.Window, cancellationToken);
        var notBefore = counts
            .Select(c => c.LastAttemptAt + Delay(c.Attempts, subjects[c.Subject]))
            .DefaultIfEmpty(now)
            .Max();
        return notBefore > now ? notBefore - now : null;
    }

    public Task FailedAsync(HttpContext context, string account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return counters.RecordAsync(Subjects(context, account).Select(s => s.Key).ToList(), now, now - Limits.Window, cancellationToken);
    }

    /// <summary>The right password: this account's counters start again (the address's own counter stays).</summary>
    public Task SucceededAsync(HttpContext context, string account, CancellationToken cancellationToken)
    {
        var subjects = Subjects(context, account).Where(s => s.ForAccount).Select(s => s.Key).ToList();
        return counters.ClearAsync(subjects, cancellationToken);
    }

    /// <summary>The wait after the n-th failure: none for the free ones, then FirstDelay doubling, at most MaxDelay.</summary>
    public TimeSpan Delay(int failures, int free)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - free, 20);
        var seconds = Math.Min(Limits.FirstDelaySeconds * Math.Pow(2, doublings), Limits.MaxDelaySeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>"Retry-After" in whole seconds, rounded up.</summary>
    public static string RetryAfter(TimeSpan wait) => ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The three counters this attempt belongs to, each with its number of free attempts.</summary>
    private List<Subject> Subjects(HttpContext context, string account)
    {
        var address = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
        var normalized = account.Trim().ToUpperInvariant();
        return
        [
            new("pw-account:" + Hash(normalized), Limits.FreePerAccount, ForAccount: true),
            new("pw-address:" + Hash(address), Limits.FreePerAddress, ForAccount: false),
            new("pw-account-address:" + Hash(normalized + "\n" + address), Limits.FreePerAccountAndAddress, ForAccount: true),
        ];
    }

    private sealed record Subject(string Key, int Free, bool ForAccount);

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
