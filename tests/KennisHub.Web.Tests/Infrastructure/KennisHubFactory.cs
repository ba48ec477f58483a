using KennisHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>
/// The one fixture that owns the host: the real site on a throw-away SQLite file, one per test class
/// (use it as <c>IClassFixture&lt;KennisHubFactory&gt;</c>). Environment "Testing": no demo accounts unless a test asks.
/// </summary>
public class KennisHubFactory : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString => Db.SqliteFileConnectionString(dataFolder);

    /// <summary>Extra configuration a derived fixture or test sets before the host starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Email:PickupFolder", Path.Combine(dataFolder, "mail"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Db CreateDb() => new(DatabaseProvider.Sqlite, ConnectionString);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temp folder is cleaned by the OS.
            }
        }
    }
}
