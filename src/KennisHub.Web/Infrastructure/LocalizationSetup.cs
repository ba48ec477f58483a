using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// nl-NL first, English second. UI text lives in resource files: per feature a marker class in Resources/
/// (e.g. <c>SharedText</c>) with <c>SharedText.resx</c> (Dutch, the neutral culture) and <c>SharedText.en.resx</c>.
/// </summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("nl-NL"), new("en")];

    public static WebApplicationBuilder AddKennisHubLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("nl-NL");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
        });
        return builder;
    }

    public static WebApplication UseKennisHubLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
