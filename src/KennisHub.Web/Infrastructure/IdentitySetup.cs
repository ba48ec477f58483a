using System.Globalization;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Infrastructure.Sessions;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Infrastructure;

/// <summary>ASP.NET Core Identity on our own Dapper stores, cookies, roles and authorization policies.</summary>
public static class IdentitySetup
{
    public const string LoginPath = "/account/inloggen";
    public const string LogoutPath = "/account/uitloggen";
    public const string AccessDeniedPath = "/account/geen-toegang";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after signing in, however active (checked on every request).</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    /// <summary>Kept in the cookie's properties from sign-in on; sliding renewal and stamp validation keep it.</summary>
    internal const string SignedInAtItem = ".kennishub.signedInAt";

    public static WebApplicationBuilder AddKennisHubIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccountAdministration>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<AttemptCounters>();
        services.AddSingleton<Security.PasswordGuard>();
        services.AddSingleton<Security.RegistrationLimit>();

        services.AddIdentity<KennisHubUser, KennisHubRole>(options =>
            {
                // NIST SP 800-63B: length and a known-bad list, no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;

                // The user name is the e-mail address; the e-mail check is ours, not a character list.
                options.User.AllowedUserNameCharacters = "";
                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
            })
            .AddUserStore<DapperUserStore>()
            .AddRoleStore<DapperRoleStore>()
            .AddClaimsPrincipalFactory<KennisHubClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.ProviderName);

        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ReturnUrlParameter = "returnUrl";
            options.Cookie.Name = ".KennisHub.Sessie";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = RememberSignInTime;
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        });
        // The ticket stays server-side (table Sessions), so signing out or revoking a session ends it at once.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secure;
            });
        }

        // Security-relevant changes renew the stamp; sessions that carry an old one end at their next validation.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ValidationInterval = configuration.GetValue("Identity:SecurityStampValidationInterval", TimeSpan.FromMinutes(1)));

        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, CoauthorAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ContactPersonHandler>();
        // PostConfigure: AddRazorPages (called after this in Program.cs) replaces the convention collection.
        services.PostConfigure<RazorPagesOptions>(options => Policies.ApplyTo(options.Conventions));

        services.AddSingleton<IFirstRunStep, EnsureRolesStep>();
        services.AddSingleton<IFirstRunStep, DemoAccountsStep>();
        return builder;
    }

    private static Task RememberSignInTime(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAtItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtItem] = now.ToString("O", CultureInfo.InvariantCulture);
            DatabaseTicketStore.MarkFreshSignIn(context.HttpContext);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The absolute lifetime first (cheap), then Identity's security stamp check, which also rebuilds the principal
    /// from the database (roles, claims). A session whose person got or lost a role is checked now, not after the
    /// validation interval, so the change takes effect on their next request.
    /// </summary>
    internal static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || now - signedInAt > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!DatabaseTicketStore.RefreshRequested(context.HttpContext))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
            return;
        }

        // Identity validates (and refreshes) when the ticket carries no issue time; the refreshed ticket needs one back.
        var issuedUtc = context.Properties.IssuedUtc;
        context.Properties.IssuedUtc = null;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        context.Properties.IssuedUtc ??= issuedUtc;
    }
}

/// <summary>Identity's messages in Dutch (and English), from Resources/IdentityText.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<IdentityText> text) : KennisHubIdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), role);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), role);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword));

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled));

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), role);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), role);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordTooCommon() => Error(PasswordTooCommonCode);

    private IdentityError Error(string code, params object?[] arguments)
        => new() { Code = code, Description = text["Identity_" + code, arguments!] };
}

/// <summary>The four roles exist at every start (idempotent).</summary>
internal sealed class EnsureRolesStep(IServiceScopeFactory scopes) : IFirstRunStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<KennisHubRole>>();
        foreach (var name in RoleNames.All)
        {
            if (await roles.RoleExistsAsync(name))
            {
                continue;
            }

            var result = await roles.CreateAsync(new KennisHubRole(name));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Rol {name} kon niet worden aangemaakt: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}

/// <summary>
/// In Development (or when Seed:DemoAccounts is true, as tests do), on a database without users: the four demo
/// accounts, with the password from Seed:DemoPassword or a random one, printed once to the console.
/// </summary>
internal sealed class DemoAccountsStep(IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration, Db db) : IFirstRunStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Seed:DemoAccounts"))
        {
            return;
        }

        const string Sql = "SELECT COUNT(*) FROM Users";
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        var configured = configuration["Seed:DemoPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? DemoAccounts.RandomPassword() : configured;
        await using var scope = scopes.CreateAsyncScope();
        await DemoAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<KennisHubUser>>(), password);

        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        Console.WriteLine();
        Console.WriteLine("KennisHub: demo-accounts aangemaakt (alleen in Development).");
        Console.WriteLine(string.IsNullOrWhiteSpace(urls)
            ? "Open de site op het adres bij 'Now listening on' hieronder, en log in via /account/inloggen."
            : $"Open de site op {urls} en log in via /account/inloggen.");
        foreach (var (email, _, roles) in DemoAccounts.All)
        {
            Console.WriteLine($"  {email,-30} {string.Join(", ", roles)}");
        }

        Console.WriteLine($"Wachtwoord voor alle vier: {password}");
        Console.WriteLine();
    }
}
