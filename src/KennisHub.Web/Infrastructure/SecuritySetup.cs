using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using KennisHub.Core.Data;
using KennisHub.Core.Security;
using KennisHub.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Infrastructure;

/// <summary>Security headers, request limits, the shared key ring, rate limiting, security.txt and the error pages.</summary>
public static class SecuritySetup
{
    /// <summary>Rate-limiting policy names, applied to pages by route below so page owners need not change their pages.</summary>
    public const string SignInPolicy = "inloggen";
    public const string RegistrationPolicy = "registreren";
    public const string SearchPolicy = "zoeken";
    public const string PreviewPolicy = "voorbeeld";

    /// <summary>The editor's background posts (draft kept every few seconds, presence heartbeat), per person.</summary>
    public const string EditorPolicy = "bewerken";

    /// <summary>The editor handlers <see cref="EditorPolicy"/> counts; saving, previewing and restoring are not limited.</summary>
    public static readonly IReadOnlySet<string> EditorBackgroundHandlers = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ConceptAuto", "Aanwezig", "Concept" };

    /// <summary>
    /// Which page gets which policy (page names as Razor Pages knows them). The two-step and recovery-code pages share
    /// the sign-in budget: guessing a 6-digit code is the same attack as guessing a password.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RateLimitedPages = new Dictionary<string, string>
    {
        ["/Account/Inloggen"] = SignInPolicy,
        ["/Account/InloggenTweestaps"] = SignInPolicy,
        ["/Account/InloggenHerstelcode"] = SignInPolicy,
        ["/Account/MijnGegevens"] = SignInPolicy,
        ["/Account/WachtwoordVergeten"] = SignInPolicy,
        ["/Account/WachtwoordHerstellen"] = SignInPolicy,
        ["/Account/Registreren"] = RegistrationPolicy,
        ["/Zoeken/Index"] = SearchPolicy,
        ["/Zoeken"] = SearchPolicy,
        ["/Kennis/Nieuw"] = EditorPolicy,
        ["/Kennis/Bewerken"] = EditorPolicy,
        ["/Themas/Nieuw"] = EditorPolicy,
        ["/Themas/Bewerken"] = EditorPolicy,
    };

    public static WebApplicationBuilder AddKennisHubSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.SectionName));
        services.AddKennisHubPublicAddress(builder.Environment);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KennisHub.Core.Audit.AuditLogQuery>();
        services.AddSingleton<PersonalData>();

        services.AddSecurityHeaderPolicies(policies => policies.SetDefaultPolicy(headers => AddHeaders(headers, builder.Environment)));

        // One key ring for every instance, in the database; the fixed application name lets instances share it.
        services.AddDataProtection().SetApplicationName("KennisHub");
        services.AddOptions<KeyManagementOptions>()
            .Configure<Db>((options, db) => options.XmlRepository = new DatabaseXmlRepository(db));

        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<SecurityOptions>>((kestrel, security) =>
            {
                kestrel.Limits.MaxRequestBodySize = security.Value.MaxRequestBodyBytes;
                // Kestrel writes "Server: Kestrel" itself, after the header middleware has run: switch it off at the source.
                kestrel.AddServerHeader = false;
            });
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>()
            .Configure<IOptions<SecurityOptions>>((form, security) =>
            {
                form.BufferBodyLengthLimit = security.Value.MaxRequestBodyBytes;
                form.MultipartBodyLengthLimit = security.Value.MaxRequestBodyBytes;
            });

        AddRateLimiting(services);

        // 405 (with Allow) for a method a page has no handler for, instead of rendering the page.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add(new MethodNotAllowedFilter()));
        // PostConfigure: AddRazorPages (called after this) replaces the convention collection in its own setup.
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(
            options => options.Conventions.Add(new RateLimitedPagesConvention(RateLimitedPages)));
        return builder;
    }

    internal static void AddHeaders(HeaderPolicyCollection headers, IHostEnvironment environment)
    {
        headers.AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddAccelerometer().None();
                permissions.AddCamera().None();
                permissions.AddGeolocation().None();
                permissions.AddGyroscope().None();
                permissions.AddMagnetometer().None();
                permissions.AddMicrophone().None();
                permissions.AddPayment().None();
                permissions.AddUsb().None();
            });
        if (!environment.IsDevelopment())
        {
            headers.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }
    }

    private static void AddRateLimiting(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInPolicy, context => PerClient(context, security.Value.SignIn, countGets: false));
            options.AddPolicy(RegistrationPolicy, context => PerClient(context, security.Value.Registration, countGets: false));
            options.AddPolicy(SearchPolicy, context => PerClient(context, security.Value.Search, countGets: true));
            // One policy per page: the editor pages count previews and background posts, each in its own window.
            options.AddPolicy(EditorPolicy, context => EditorLimit(context, security.Value));
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>A fixed window per client IP. Sign-in and registration count only posts: looking at the form is free.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimitOptions limit, bool countGets)
    {
        if (!countGets && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return FixedWindow(client.ToString(), limit);
    }

    /// <summary>
    /// The editor pages' previews ("Voorbeeld" and the live one htmx sends while typing), per signed-in person (per
    /// address for anyone else): rendering is cheap, but a script must not turn a page into a free rendering service.
    /// Saving and opening the form are not counted.
    /// </summary>
    private static RateLimitPartition<string> PerWriter(HttpContext context, RateLimitOptions limit)
    {
        var handler = context.Request.Query["handler"].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || !handler.StartsWith("Voorbeeld", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("geen-voorbeeld");
        }

        var person = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var key = person is null ? "adres:" + (context.Connection.RemoteIpAddress ?? IPAddress.None) : "persoon:" + person;
        return FixedWindow(key, limit);
    }

    private static RateLimitPartition<string> FixedWindow(string key, RateLimitOptions limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The editor pages: previews (<see cref="PerWriter"/>) and background posts (<see cref="PerEditor"/>), each its own budget.</summary>
    private static RateLimitPartition<string> EditorLimit(HttpContext context, SecurityOptions security)
        => context.Request.Query["handler"].ToString().StartsWith("Voorbeeld", StringComparison.OrdinalIgnoreCase)
            ? PerWriter(context, security.Preview)
            : PerEditor(context, security.EditorBackground);

    /// <summary>A fixed window per signed-in person (several people share a town hall's address) for the editor's background posts only.</summary>
    private static RateLimitPartition<string> PerEditor(HttpContext context, RateLimitOptions limit)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !EditorBackgroundHandlers.Contains(context.Request.Query["handler"].ToString()))
        {
            return RateLimitPartition.GetNoLimiter("bewerken");
        }

        var who = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            ?? (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
        return RateLimitPartition.GetFixedWindowLimiter("bewerken:" + who, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
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
        // HSTS comes with the headers above (outside Development, HTTPS responses only).
        app.UseSecurityHeaders();

        app.UseMiddleware<RequestGuard>();
        app.Map(SecurityTxt.Path, branch => branch.Run(SecurityTxt.WriteAsync));
        return app;
    }

    public static WebApplication UseKennisHubRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
