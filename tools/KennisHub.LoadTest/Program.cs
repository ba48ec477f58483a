using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// KennisHub.LoadTest --url http://127.0.0.1:5080 [--seconds 30] [--requests 20000] [--concurrency 8] [--search zoeken]
// Loopback only. Reads the home page, follows its same-site links (two levels) to build the read mix, then adds
// search requests (/zoeken?q=...) when that page answers. Stops at whichever bound comes first.
var settings = Settings.Parse(args);
if (!settings.Url.IsLoopback)
{
    Console.Error.WriteLine("Alleen tegen 127.0.0.1/localhost: dit hulpmiddel belast geen andere machines.");
    return 2;
}

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency, AllowAutoRedirect = false })
{
    BaseAddress = settings.Url,
    Timeout = TimeSpan.FromSeconds(30),
};

var readPaths = await Discovery.FindPagesAsync(client, maxPages: 60);
var searchPaths = await Discovery.SearchPathsAsync(client, settings.SearchPath);
Console.WriteLine($"Leespagina's: {readPaths.Count}, zoekopdrachten: {searchPaths.Count}");

var latencies = new List<double>[settings.Concurrency];
var errors = 0;
var issued = 0;
var clock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(settings.Seconds));
var workers = Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
{
    var mine = latencies[worker] = [];
    var random = new Random(worker);
    while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= settings.Requests)
    {
        // One in four requests searches when search exists; the rest read pages.
        var path = searchPaths.Count > 0 && random.Next(4) == 0
            ? searchPaths[random.Next(searchPaths.Count)]
            : readPaths[random.Next(readPaths.Count)];
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop.Token);
            if ((int)response.StatusCode >= 400)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            break;
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
        }

        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
})).ToArray();
await Task.WhenAll(workers);
clock.Stop();

var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p / 100 * all.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Verzoeken: {all.Length} in {clock.Elapsed.TotalSeconds:F1} s met {settings.Concurrency} gelijktijdig
    Doorvoer: {all.Length / clock.Elapsed.TotalSeconds:F0} verzoeken/s
    Latentie ms: p50 {Percentile(50):F1}  p90 {Percentile(90):F1}  p99 {Percentile(99):F1}  max {(all.Length == 0 ? 0 : all[^1]):F1}
    Fouten (4xx/5xx of geen antwoord): {errors}
    """));
return errors == 0 ? 0 : 1;

internal sealed record Settings(Uri Url, int Seconds, int Requests, int Concurrency, string SearchPath)
{
    public static Settings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        int Number(string name, int fallback, int max)
            => Math.Clamp(int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture), 1, max);

        return new Settings(
            new Uri(Value("--url", "http://127.0.0.1:5080")),
            Number("--seconds", 30, 300),
            Number("--requests", 20_000, 1_000_000),
            Number("--concurrency", 8, 64),
            Value("--search", "/zoeken"));
    }
}

internal static partial class Discovery
{
    private static readonly string[] Words = ["groen", "beheer", "riolering", "bomen", "klimaat", "wegen", "gemeente", "onderhoud", "openbare ruimte", "biodiversiteit"];

    public static async Task<List<string>> FindPagesAsync(HttpClient client, int maxPages)
    {
        var found = new List<string> { "/" };
        var seen = new HashSet<string>(found, StringComparer.Ordinal);
        for (var i = 0; i < found.Count && found.Count < maxPages && i < 20; i++)
        {
            using var response = await client.GetAsync(found[i]);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            foreach (Match link in Href().Matches(await response.Content.ReadAsStringAsync()))
            {
                var path = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/account", StringComparison.OrdinalIgnoreCase)
                    && !path.Contains("uitloggen", StringComparison.OrdinalIgnoreCase) && seen.Add(path) && found.Count < maxPages)
                {
                    found.Add(path);
                }
            }
        }

        return found;
    }

    public static async Task<List<string>> SearchPathsAsync(HttpClient client, string searchPath)
    {
        var paths = Words.Select(w => $"{searchPath}?q={Uri.EscapeDataString(w)}").ToList();
        using var probe = await client.GetAsync(paths[0]);
        return probe.IsSuccessStatusCode ? paths : [];
    }

    [GeneratedRegex("href=\"([^\"#]+)\"")]
    private static partial Regex Href();
}
