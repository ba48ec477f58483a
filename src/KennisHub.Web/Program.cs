using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Caching;
using KennisHub.Web.Infrastructure.Email;

var builder = WebApplication.CreateBuilder(args);

// Each concern registers itself in one file under Infrastructure/; the order below is the request's order.
builder.AddKennisHubData();
builder.AddKennisHubIdentity();
builder.AddKennisHubLocalization();
builder.AddKennisHubSecurity();
builder.AddKennisHubEmail();
builder.AddKennisHubCaching();
builder.Services.AddRazorPages();

var app = builder.Build();

// `dotnet run -- migrate|import|backup ...` runs a command and exits instead of serving.
if (await KennisHubCommands.TryRunAsync(app, args))
{
    return;
}

await app.PrepareDatabaseAsync();
app.PrintListeningAddresses();

app.UseKennisHubErrorPages();
app.UseKennisHubSecurity();
app.UseLoadTestCeiling(); // only when LoadTest:CeilingFolder is set: tools/loadtest/run.sh
app.UseRouting();
app.UseKennisHubLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseKennisHubRateLimiting();
app.UseKennisHubCaching();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapKennisHubEndpoints();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
