namespace KennisHub.Web.Infrastructure;

/// <summary>Redirect targets inside the site.</summary>
public static class LocalUrl
{
    private static readonly Uri Base = new("http://localhost");

    /// <summary>
    /// A local URL (already checked with <c>Url.IsLocalUrl</c>) with everything outside ASCII percent-encoded as UTF-8,
    /// so it can go in a Location header: "/kennis?trefwoord=café" becomes "/kennis?trefwoord=caf%C3%A9" (a raw "é"
    /// there made Kestrel answer 500, "Invalid non-ASCII in header"). Escapes already present stay as they are.
    /// </summary>
    public static string Escaped(string localUrl)
    {
        ArgumentNullException.ThrowIfNull(localUrl);
        return new Uri(Base, localUrl).GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
    }
}
