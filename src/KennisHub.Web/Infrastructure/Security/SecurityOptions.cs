namespace KennisHub.Web.Infrastructure.Security;

/// <summary>The "Security" configuration section: request limits, rate limits and the security.txt contact.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Where to report vulnerabilities (security.txt Contact).</summary>
    public string Contact { get; set; } = "mailto:security@kennishub.example";

    /// <summary>The largest request body accepted, in bytes (forms and uploads). Default 1 MB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Fixed-window limits per client IP address, per named policy.</summary>
    public RateLimitOptions SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Per client address: high enough for a town hall's shared address (see docs/SECURITY.md).</summary>
    public RateLimitOptions Registration { get; set; } = new() { PermitLimit = 30, WindowSeconds = 3600 };

    /// <summary>Per e-mail domain, across every address and instance (RegistrationLimit).</summary>
    public RateLimitOptions RegistrationPerDomain { get; set; } = new() { PermitLimit = 30, WindowSeconds = 3600 };

    public RateLimitOptions Search { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Editor previews per person: the live preview asks at most once per pause in typing (700 ms).</summary>
    public RateLimitOptions Preview { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Per person: the editor keeps a draft at most every 10 s and sends presence every 20 s, so 30 a minute is ample.</summary>
    public RateLimitOptions EditorBackground { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Throttling of password guesses (sign-in and re-entering the current password): see PasswordGuard.</summary>
    public PasswordGuessingOptions PasswordGuessing { get; set; } = new();
}

/// <summary>Free failed attempts per counter within <see cref="WindowMinutes"/>, then growing waits.</summary>
public sealed class PasswordGuessingOptions
{
    /// <summary>One account from one address: a person mistyping, or one attacker guessing.</summary>
    public int FreePerAccountAndAddress { get; set; } = 5;

    /// <summary>One address, any accounts: spraying one password over many accounts. A town hall's NAT shares it.</summary>
    public int FreePerAddress { get; set; } = 30;

    /// <summary>One account, any addresses: a distributed attack. Keeps an account under 100 failures an hour (ASVS 2.2.1).</summary>
    public int FreePerAccount { get; set; } = 50;

    public int FirstDelaySeconds { get; set; } = 30;

    public int MaxDelaySeconds { get; set; } = 15 * 60;

    public int WindowMinutes { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromMinutes(Math.Max(1, WindowMinutes));
}

public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
