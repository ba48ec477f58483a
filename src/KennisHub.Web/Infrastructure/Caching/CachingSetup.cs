using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KennisHub.Web.Infrastructure.Caching;

/// <summary>
/// The read path: the public pages (<see cref="PublicPages"/>) are cached in memory per language, query string, content
/// version and reader class (<see cref="ReaderClass"/>: visitors, or members with the same roles). Visitors' copies are
/// shareable (ETag, 304, compressed); a member's page is stored on the server only and leaves as private, no-store.
/// Every other response is never stored.
/// docs/ARCHITECTURE.md ("Caching") tells the whole story; SECURITY.md why compression is safe here.
/// </summary>
public static class CachingSetup
{
    public const string PolicyName = "openbaar";

    /// <summary>Tag of every cached page: evicted on an instance as soon as it sees a newer content version.</summary>
    public const string Tag = "kennis";

    /// <summary>Cache-Control of a public page: shared caches may keep it, but must ask (ETag) before reusing it.</summary>
    public const string PublicCacheControl = "public, no-cache";

    /// <summary>Cache-Control of a page a signed-in person sees, and of anything that is not a public page.</summary>
    public const string PrivateCacheControl = "private, no-store";

    public const string NoStore = "no-store";

    /// <summary>
    /// Pages (as Razor Pages names them) that show the same to every reader of a class in a language. A page joins the
    /// list only when its content depends on nothing but the URL, the language, the reader's class (roles, see
    /// <see cref="ReaderClass"/>) and the content in <see cref="ContentVersion"/>: no form with a token, nothing about
    /// the person (the layout shows no name: Profiel and the sign-out page do), nothing that changes with the clock.
    /// A page that shows a person controls for particular items (co-author, contact person) may: such a person has
    /// item rights, and their pages are stored per person.
    /// </summary>
    public static readonly IReadOnlySet<string> PublicPages = new HashSet<string>(StringComparer.Ordinal)
    {
        "/Index",
        "/Kennis/Index",
        "/Kennis/Details",
        "/Themas/Index",
        "/Themas/Details",
        "/Organisaties/Index",
        "/Organisaties/Details",
        "/Toegankelijkheid",
        "/Feeds/Kennis",
    };

    public static WebApplicationBuilder AddKennisHubCaching(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // A build (not a publish) keeps the precompressed .gz files in obj/, listed in this manifest; Development reads
        // it by itself. Read it in every environment, or a Release run from bin/ (tests, benchmarks) answers gzip
        // requests for a stylesheet with an empty body. A published site has no such manifest and serves wwwroot.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
        {
            builder.WebHost.UseStaticWebAssets();
        }

        services.AddOutputCache(options =>
        {
            options.AddPolicy(PolicyName, new PublicPagePolicy(
                TimeSpan.FromSeconds(builder.Configuration.GetValue("Caching:PageSeconds", 600))));
            options.SizeLimit = builder.Configuration.GetValue<long>("Caching:SizeLimitBytes", 64L * 1024 * 1024);
        });
        services.AddSingleton<PublicPageVersions>();

        // Only the public pages are compressed (see UseKennisHubCaching): they carry no secret, so BREACH has nothing to find.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);

        // PostConfigure: AddRazorPages (called after this) replaces the convention collection in its own setup.
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(
            options => options.Conventions.Add(new PublicPagesConvention(PublicPages)));
        return builder;
    }

    /// <summary>
    /// After authentication and rate limiting (a cached page must not skip either): the version check and 304s, then
    /// the cache, then compression inside it, so a page is compressed once when it is stored, not on every hit.
    /// </summary>
    public static WebApplication UseKennisHubCaching(this WebApplication app)
    {
        app.UseMiddleware<PublicPageCaching>();
        app.UseOutputCache();
        app.UseWhen(PublicPageCaching.IsAnonymousPublicPageRequest, branch => branch.UseResponseCompression());
        return app;
    }

    private sealed class PublicPagesConvention(IReadOnlySet<string> pages) : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (pages.Contains(model.ViewEnginePath))
            {
                model.EndpointMetadata.Add(PublicPageMetadata.Instance);
                model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PolicyName });
            }
        }
    }
}

/// <summary>Marks an endpoint as a public page (see <see cref="CachingSetup.PublicPages"/>).</summary>
public sealed class PublicPageMetadata
{
    public static readonly PublicPageMetadata Instance = new();

    private PublicPageMetadata()
    {
    }
}

/// <summary>
/// Reads the content version once per public-page request (one primary-key read), answers 304 when a visitor's
/// browser has the current ETag, and evicts this instance's cached pages when the version moved on. Every response
/// that said nothing about caching leaves as no-store (private for a signed-in reader).
/// </summary>
public sealed class PublicPageCaching(RequestDelegate next, PublicPageVersions versions)
{
    private const string StampKey = "KennisHub.ContentStamp";
    private const string ReaderClassKey = "KennisHub.ReaderClass";
    private const string MemberCopyKey = "KennisHub.MemberCopy";

    /// <summary>A GET or HEAD of a public page (for any reader) that carries no Authorization header.</summary>
    public static bool IsPublicPageRequest(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<PublicPageMetadata>() is not null
        && StringValues.IsNullOrEmpty(context.Request.Headers.Authorization);

    public static bool IsAnonymousPublicPageRequest(HttpContext context) =>
        IsPublicPageRequest(context) && context.User.Identity?.IsAuthenticated != true;

    /// <summary>The stamp this request's page is cached under, when it is a public-page request.</summary>
    public static ContentStamp? StampOf(HttpContext context) => context.Items[StampKey] as ContentStamp;

    /// <summary>The reader class this request's page is cached under (with <see cref="StampOf"/>).</summary>
    public static string? ReaderClassOf(HttpContext context) => context.Items[ReaderClassKey] as string;

    /// <summary>True when a member's page may be kept on the server: the page itself said nothing about caching.</summary>
    public static bool IsStorableMemberCopy(HttpContext context) => context.Items.ContainsKey(MemberCopyKey);

    public async Task InvokeAsync(HttpContext context)
    {
        ContentStamp? stamp = null;
        if (IsPublicPageRequest(context))
        {
            stamp = await versions.CurrentAsync(context.RequestAborted);
            context.Items[StampKey] = stamp;
            context.Items[ReaderClassKey] = ReaderClass.Of(context);
            if (context.User.Identity?.IsAuthenticated != true
                && versions.Validators(stamp).TrySendNotModified(context, CachingSetup.PublicCacheControl))
            {
                PublicPagePolicy.AddVary(context.Response);
                return;
            }
        }

        context.Response.OnStarting(static state =>
        {
            var (context, versions, stamp) = ((HttpContext, PublicPageVersions, ContentStamp?))state;
            var response = context.Response;
            var signedIn = context.User.Identity?.IsAuthenticated == true;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (cacheControl.Length > 0)
            {
                // A response that said something keeps it (antiforgery's "no-cache, no-store", a static asset's "immutable"),
                // but a page for a signed-in reader is always private.
                if (signedIn && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers.CacheControl = CachingSetup.PrivateCacheControl;
                }

                return Task.CompletedTask;
            }

            if (stamp is not null && PublicPagePolicy.IsStorable(response) && !signedIn)
            {
                response.Headers.CacheControl = CachingSetup.PublicCacheControl;
                versions.Validators(stamp).WriteTo(response);
                PublicPagePolicy.AddVary(response);
            }
            else
            {
                if (stamp is not null && PublicPagePolicy.IsStorable(response))
                {
                    // Kept on this server for the reader's class; the browser and every proxy get no-store.
                    context.Items[MemberCopyKey] = true;
                }

                response.Headers.CacheControl = signedIn ? CachingSetup.PrivateCacheControl : CachingSetup.NoStore;
            }

            return Task.CompletedTask;
        }, (context, versions, stamp));

        await next(context);
    }
}

/// <summary>
/// Who a public page is rendered for, as far as the page can tell: a visitor; a member by roles (which set what they
/// may see and which menu entries they get) and whether they await approval; or, for a person with item rights
/// (<see cref="Sessions.DatabaseTicketStore.HasItemRights"/>), that person alone.
/// </summary>
public static class ReaderClass
{
    public const string Visitor = "bezoeker";

    public static string Of(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Visitor;
        }

        if (Sessions.DatabaseTicketStore.HasItemRights(context))
        {
            return "persoon:" + user.GetUserId()?.ToString("N");
        }

        var roles = user.ToReader().Roles.Order(StringComparer.Ordinal);
        return "leden:" + string.Join(',', roles) + (user.AwaitsApproval() ? ":wacht" : "");
    }
}

/// <summary>
/// The content version as this instance last saw it, and the validators of a public page. The build id (a hash of
/// the site's own assemblies, resources included) is part of the ETag, so a new release never answers 304 with old
/// markup; the start time bounds Last-Modified from below for the same reason.
/// </summary>
public sealed class PublicPageVersions(Db db, IOutputCacheStore store, TimeProvider clock)
{
    private static readonly string BuildId = ComputeBuildId();
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();
    private long lastSeen = -1;

    public async Task<ContentStamp> CurrentAsync(CancellationToken cancellationToken)
    {
        var stamp = await ContentVersion.ReadAsync(db, cancellationToken);
        var previous = Interlocked.Exchange(ref lastSeen, stamp.Version);
        if (previous != -1 && previous != stamp.Version)
        {
            // Pages stored under the old version can no longer be hit (the version is in their key): free the memory.
            await store.EvictByTagAsync(CachingSetup.Tag, cancellationToken);
        }

        return stamp;
    }

    public ConditionalGet Validators(ContentStamp stamp) => ConditionalGet.For(
        stamp.ChangedAt > startedAt ? stamp.ChangedAt : startedAt,
        BuildId,
        stamp.Version.ToString(CultureInfo.InvariantCulture),
        CultureInfo.CurrentUICulture.Name);

    private static string ComputeBuildId()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "KennisHub.*.dll", SearchOption.AllDirectories)
                     .Order(StringComparer.Ordinal))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 6).ToLowerInvariant();
    }
}

/// <summary>
/// The output-cache policy of the public pages: GET/HEAD only, one entry per path, query string, language, content
/// version, reader class and Accept-Encoding; stored only for a 200 without Set-Cookie whose page said nothing about
/// caching (a visitor's copy that nobody marked private; a member's copy the page did not mark at all).
/// </summary>
public sealed class PublicPagePolicy(TimeSpan duration) : IOutputCachePolicy
{
    public static void AddVary(HttpResponse response) =>
        response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var stamp = PublicPageCaching.StampOf(context.HttpContext);
        var readerClass = PublicPageCaching.ReaderClassOf(context.HttpContext);
        var attempt = stamp is not null && readerClass is not null && PublicPageCaching.IsPublicPageRequest(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.Tags.Add(CachingSetup.Tag);
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.HeaderNames = HeaderNames.AcceptEncoding;
        vary.VaryByValues["taal"] = CultureInfo.CurrentUICulture.Name;
        vary.VaryByValues["versie"] = stamp?.Version.ToString(CultureInfo.InvariantCulture) ?? "";
        vary.VaryByValues["lezer"] = readerClass ?? "";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The headers themselves are written by PublicPageCaching when the response starts (before this runs).
        var http = context.HttpContext;
        var response = http.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        var storable = PublicPageCaching.StampOf(http) is not null && IsStorable(response) && (http.User.Identity?.IsAuthenticated == true
            ? PublicPageCaching.IsStorableMemberCopy(http)
            : !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase));
        if (!storable)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A 200 that sets no cookie: anything else (errors, redirects, a form's token) is never shared.</summary>
    public static bool IsStorable(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK && StringValues.IsNullOrEmpty(response.Headers.SetCookie);
}
