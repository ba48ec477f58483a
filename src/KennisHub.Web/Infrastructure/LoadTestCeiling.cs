using Microsoft.Extensions.FileProviders;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// The load run's ceiling (tools/loadtest/run.sh, docs/BENCHMARKS.md): a page's exact bytes served as a static file by
/// this same Kestrel and pipeline, to compare the page with. MapStaticAssets only serves files known at build time, so
/// the run names a folder of its own; without <c>LoadTest:CeilingFolder</c> (every real deployment) nothing is added.
/// </summary>
public static class LoadTestCeiling
{
    public static IApplicationBuilder UseLoadTestCeiling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = app.Configuration["LoadTest:CeilingFolder"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            return app;
        }

        Directory.CreateDirectory(folder);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
            RequestPath = "/loadtest",
        });
    }
}
