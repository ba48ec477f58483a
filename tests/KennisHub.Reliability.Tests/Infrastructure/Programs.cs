using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KennisHub.Reliability.Tests.Infrastructure;

/// <summary>Where the built programs are: the same configuration (Debug/Release) as this test assembly.</summary>
public static class Programs
{
    private static readonly string Configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string WebDll => Built("src", "KennisHub.Web");

    public static string WriterDll => Built("tests", "KennisHub.Reliability.Writer");

    private static string Built(string folder, string project)
    {
        var dll = Path.Combine(RepositoryRoot, folder, project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Eerst bouwen: dotnet build", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KennisHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KennisHub.sln niet gevonden boven " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts `dotnet &lt;dll&gt; args` with its output captured; the caller kills it.</summary>
    public static Process Start(string dll, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Kon " + dll + " niet starten.");
    }
}

/// <summary>One real instance of the site on 127.0.0.1, on a given SQLite file, environment Testing.</summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private SiteProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <param name="settings">Extra configuration as environment variables (e.g. <c>Seed__DemoAccounts</c>).</param>
    public static async Task<SiteProcess> StartAsync(string connectionString, CancellationToken cancellationToken, IDictionary<string, string>? settings = null)
    {
        var port = Programs.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = Programs.Start(Programs.WebDll, ["--urls", address.ToString()], environment);
        var site = new SiteProcess(process, address);
        try
        {
            await site.WaitUntilHealthyAsync(cancellationToken);
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls /health for at most 60 seconds.</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"De site stopte (code {process.ExitCode}):\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first answer.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"De site werd niet gezond binnen 60 seconden:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }

        process.Dispose();
    }
}

/// <summary>A temporary folder with a SQLite file name; deleted at the end.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(Folder);

    public string File => Path.Combine(Folder, "kennishub.db");

    public string ConnectionString => KennisHub.Core.Data.Db.SqliteFileConnectionString(Folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS.
        }
    }
}
