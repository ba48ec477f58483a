using KennisHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>
/// The one fixture that owns the host: the real site on a throw-away SQLite file, one per test class
/// (use it as <c>IClassFixture&lt;KennisHubFactory&gt;</c>). Environment "Testing": no demo accounts unless a test asks.
/// The file starts as a copy of a template database (see <see cref="TemplateDatabases"/>), so a host start does not
/// migrate and import again.
/// </summary>
public class KennisHubFactory : WebApplicationFactory<Program>
{
    private readonly string dataFolder;

    public KennisHubFactory()
        : this(Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>A site on the database in <paramref name="dataFolder"/>; two factories on one folder are two instances of one site.</summary>
    protected KennisHubFactory(string dataFolder) => this.dataFolder = dataFolder;

    public string ConnectionString => Db.SqliteFileConnectionString(dataFolder);

    /// <summary>Extra configuration a derived fixture or test sets before the host starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>False for a fixture that must see the first run itself (migrations and import on an empty file).</summary>
    protected virtual bool StartFromTemplate => true;

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

    protected override IHost CreateHost(IHostBuilder builder) => StartFromTemplate
        ? TemplateDatabases.Start(Settings, ConnectionString, () => base.CreateHost(builder))
        : base.CreateHost(builder);

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
                // A file still held open, or already gone with a second instance on the same folder: the OS cleans temp.
            }
        }
    }
}
