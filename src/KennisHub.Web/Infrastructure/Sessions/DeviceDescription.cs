namespace KennisHub.Web.Infrastructure.Sessions;

/// <summary>
/// A User-Agent in plain words ("Firefox op Windows"): the browser and system names a person recognises, nothing
/// more. Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
/// </summary>
public static class DeviceDescription
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg", "Edge"),
        ("OPR/", "Opera"),
        ("Opera", "Opera"),
        ("SamsungBrowser", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS", "Firefox"),
        ("CriOS", "Chrome"),
        ("Chrome", "Chrome"),
        ("Chromium", "Chromium"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    public static (string? Browser, string? System) Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return (null, null);
        }

        return (First(Browsers, userAgent), First(Systems, userAgent));
    }

    private static string? First((string Marker, string Name)[] candidates, string userAgent)
        => candidates.FirstOrDefault(c => userAgent.Contains(c.Marker, StringComparison.OrdinalIgnoreCase)).Name;
}
