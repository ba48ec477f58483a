using System.Security.Claims;
using System.Text.Encodings.Web;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Tests.Knowledge;

/// <summary>
/// The site seeded from the core tests' content fixture (by the first-run import), with a test-only sign-in:
/// a request with the header <see cref="RolesHeader"/> is a signed-in user with those roles (comma-separated).
/// Until the Identity branch lands this stands in for a real cookie; it lives in the tests only.
/// </summary>
public sealed class KnowledgeFactory : KennisHubFactory
{
    public const string RolesHeader = "X-Test-Roles";

    public const string IdHeader = "X-Test-Id";

    private const string SchemeName = "Test";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Content:Folder"] = ContentFixture,
    };

    public static string ContentFixture
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "KennisHub.sln")))
                {
                    return Path.Combine(directory.FullName, "tests", "KennisHub.Core.Tests", "Content", "fixture");
                }
            }

            throw new InvalidOperationException("KennisHub.sln niet gevonden boven de testmap.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = SchemeName;
                options.DefaultAuthenticateScheme = SchemeName;
                options.DefaultChallengeScheme = SchemeName;
            });
        });
    }

    public HttpClient CreateClientWithRoles(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(RolesHeader, string.Join(',', roles));
        return client;
    }

    /// <summary>A client signed in as one fixed person with these roles (its id in every request); it does not follow redirects.</summary>
    public HttpClient CreateClientAs(Guid userId, params string[] roles)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(RolesHeader, string.Join(',', roles));
        client.DefaultRequestHeaders.Add(IdHeader, userId.ToString());
        return client;
    }

    private sealed class HeaderAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RolesHeader, out var value))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            // X-Test-Id fixes the user id (a post's antiforgery token and a co-author row need the same person throughout).
            var id = Request.Headers.TryGetValue(IdHeader, out var fixedId) ? fixedId.ToString() : Guid.NewGuid().ToString();
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, "Proef") };
            claims.AddRange(value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim(ClaimTypes.Role, role)));
            var identity = new ClaimsIdentity(claims, SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
