using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Keywords;
using KennisHub.Core.Markdown;
using KennisHub.Core.Organisations;
using KennisHub.Core.Revisions;
using KennisHub.Core.Themes;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure;

/// <summary>Database registration and first-run preparation (migrations, seed import, demo accounts).</summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddKennisHubData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = Db.SqliteFileConnectionString(Path.Combine(environment.ContentRootPath, "App_Data"));
                }
            });
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Knowledge: one Markdown pipeline, the revision store, the Reader-filtered queries and the content import.
        builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.SectionName));
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<RevisionStore>();
        builder.Services.AddSingleton<ThemeQueries>();
        builder.Services.AddSingleton<ArticleQueries>();
        builder.Services.AddSingleton<OrganisationQueries>();
        builder.Services.AddSingleton<KeywordQueries>();
        builder.Services.AddSingleton<MembershipQueries>();
        builder.Services.AddSingleton<MembershipWrites>();
        builder.Services.AddSingleton<OrganisationWrites>();
        builder.Services.AddSingleton<KennisHub.Core.Network.NetworkQueries>();
        builder.Services.AddSingleton<KennisHub.Core.Network.NetworkWrites>();
        builder.Services.AddSingleton<KennisHub.Core.Network.OverlapQueries>();
        builder.Services.AddSingleton<KennisHub.Core.Network.People>();
        builder.Services.AddSingleton<ContentImporter>();

        // Around the editor (history branch): history and comparison reads, internal links, attachments (the upload page
        // gets its own request size limit).
        builder.Services.AddSingleton<HistoryQueries>();
        builder.Services.AddSingleton<KennisHub.Core.Linking.LinkQueries>();
        builder.Services.AddSingleton<KennisHub.Core.Attachments.AttachmentStore>();
        builder.Services.AddOptions<KennisHub.Web.Pages.Bijlagen.AttachmentOptions>().Bind(builder.Configuration.GetSection(KennisHub.Web.Pages.Bijlagen.AttachmentOptions.SectionName));
        var maxAttachmentBytes = builder.Configuration.GetSection(KennisHub.Web.Pages.Bijlagen.AttachmentOptions.SectionName).Get<KennisHub.Web.Pages.Bijlagen.AttachmentOptions>()?.MaxBytes
            ?? new KennisHub.Web.Pages.Bijlagen.AttachmentOptions().MaxBytes;
        builder.Services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(
            options => KennisHub.Web.Pages.Bijlagen.AttachmentOptions.ApplyTo(options.Conventions, maxAttachmentBytes));
        // Writing (issue 16): one write handler per kind, old slugs, who may edit what.
        builder.Services.AddSingleton<KennisHub.Core.Articles.ArticleWrites>();
        builder.Services.AddSingleton<KennisHub.Core.Themes.ThemeWrites>();
        builder.Services.AddSingleton<ContentEditing>();
        builder.Services.AddSingleton<SlugRedirects>();
        builder.Services.AddSingleton<Authorship>();
        builder.Services.AddSingleton<KennisHub.Core.Coauthoring.Coauthors>();
        builder.Services.AddSingleton<KennisHub.Core.Editing.Drafts>();
        builder.Services.AddSingleton<KennisHub.Core.Editing.Presence>();
        builder.Services.AddScoped<KennisHub.Web.Pages.Shared.Editing.EditorSupport>();
        builder.Services.AddSingleton<KennisHub.Core.Search.Searcher>();
        builder.Services.AddSingleton<KennisHub.Core.Bulk.BulkSeeder>();
        // Feeds (issue 19): Atom of new and changed articles; a member's personal feed address.
        builder.Services.AddSingleton<KennisHub.Core.Feeds.FeedTokens>();
        builder.Services.AddSingleton<KennisHub.Web.Pages.Feeds.ArticleFeed>();
        // Following and Mijn KennisHub (issue 19).
        builder.Services.AddSingleton<KennisHub.Core.Following.Follows>();
        builder.Services.AddSingleton<KennisHub.Web.Pages.Volgen.FollowTargets>();
        builder.Services.AddSingleton<IFirstRunStep, ContentImportStep>();
        return builder;
    }

    /// <summary>Runs the migrations; on an empty database imports content/; in Development creates demo accounts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KennisHub.Database");
        var applied = app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        if (applied.Count > 0)
        {
            logger.LogInformation("Databasemigraties uitgevoerd: {Scripts}", string.Join(", ", applied));
        }

        foreach (var step in app.Services.GetServices<IFirstRunStep>())
        {
            await step.RunAsync(app.Lifetime.ApplicationStopping);
        }
    }

    public static IEndpointRouteBuilder MapKennisHubEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }

    internal static string DescribeDatabase(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return options.Provider.ToString();
    }
}

/// <summary>
/// Work that runs at start-up after migrations, in registration order: the seed import when the database is
/// empty, then demo accounts in Development. Each step must be idempotent.
/// </summary>
public interface IFirstRunStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
