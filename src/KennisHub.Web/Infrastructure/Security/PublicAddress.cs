using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure.Security;

/// <summary>
/// The site's public address, <c>Email:LinkBaseUrl</c> (e.g. https://kennishub.gemeente.nl): mailed links and
/// security.txt's Canonical are built from it, never from the request's Host header, which anyone can forge. Outside
/// Development the site refuses to start without it, and when <c>AllowedHosts</c> is set (appsettings.Production.json
/// does) it must admit that address's host.
/// </summary>
public sealed class PublicAddressOptions
{
    public const string ConfigurationKey = "Email:LinkBaseUrl";

    public string? LinkBaseUrl { get; set; }

    /// <summary>The configured base without a trailing slash, or null when none is configured.</summary>
    public string? BaseUrl => string.IsNullOrWhiteSpace(LinkBaseUrl) ? null : LinkBaseUrl.Trim().TrimEnd('/');

    /// <summary>The configured base, or (Development only, where it may be missing) the request's own scheme and host.</summary>
    public string BaseUrlFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BaseUrl ?? $"{request.Scheme}://{request.Host}";
    }
}

public static class PublicAddress
{
    public static IServiceCollection AddKennisHubPublicAddress(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<PublicAddressOptions>()
            .Configure<IConfiguration>((options, configuration) => options.LinkBaseUrl = configuration[PublicAddressOptions.ConfigurationKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicAddressOptions>>(provider =>
            new PublicAddressValidation(environment, provider.GetRequiredService<IOptions<HostFilteringOptions>>()));
        return services;
    }

    /// <summary>What is wrong with the configuration, in words an operator can act on; null when it is fine.</summary>
    public static string? Problem(PublicAddressOptions options, HostFilteringOptions hosts, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.BaseUrl is null)
        {
            return environment.IsDevelopment()
                ? null
                : "Email:LinkBaseUrl ontbreekt. Zet het publieke adres van de site, bijvoorbeeld " +
                  "Email__LinkBaseUrl=https://kennishub.gemeente.nl, zodat links in e-mails niet van de Host-header van een verzoek afhangen.";
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return $"Email:LinkBaseUrl '{options.BaseUrl}' is geen absoluut http(s)-adres zonder query (bijvoorbeeld https://kennishub.gemeente.nl).";
        }

        var allowed = hosts.AllowedHosts ?? [];
        if (allowed.Count == 0 || allowed.Contains("*") || allowed.Any(host => Admits(host, uri.Host)))
        {
            return null;
        }

        return $"AllowedHosts ({string.Join(";", allowed)}) laat de host van Email:LinkBaseUrl ({uri.Host}) niet toe. Zet AllowedHosts op de host(s) van de site.";
    }

    private static bool Admits(string pattern, string host)
        => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails start-up with the concrete reason (ValidateOnStart reports it in the exception message).</summary>
    private sealed class PublicAddressValidation(IHostEnvironment environment, IOptions<HostFilteringOptions> hosts) : IValidateOptions<PublicAddressOptions>
    {
        public ValidateOptionsResult Validate(string? name, PublicAddressOptions options)
            => Problem(options, hosts.Value, environment) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
