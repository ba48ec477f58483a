namespace KennisHub.Web.Infrastructure.Security;

/// <summary>The "Security" configuration section: request limits, rate limits and the security.txt contact.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Where to report vulnerabilities (security.txt Contact).</summary>
    public string Contact { get; set; } = "mailto:security@kennishub.example";

    /// <summary>The public address of the site, for the security.txt Canonical line; empty means the request's own host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest request body accepted, in bytes (forms and uploads). Default 1 MB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Fixed-window limits per client IP address, per named policy.</summary>
    public RateLimitOptions SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitOptions Registration { get; set; } = new() { PermitLimit = 5, WindowSeconds = 3600 };

    public RateLimitOptions Search { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
}

public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
