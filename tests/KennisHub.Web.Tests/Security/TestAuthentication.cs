using System.Security.Claims;
using System.Text.Encodings.Web;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Tests.Security;

/// <summary>
/// Tests only: signs a request in as the user named in the X-Test-Gebruiker header with the roles in X-Test-Rollen.
/// Without the header the request stays a visitor and the site's own challenge (the sign-in redirect) applies.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-Gebruiker";
    public const string RolesHeader = "X-Test-Rollen";
    public const string IdHeader = "X-Test-Id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.ToString()), new(ClaimTypes.NameIdentifier, Request.Headers.TryGetValue(IdHeader, out var id) ? id.ToString() : Guid.NewGuid().ToString()) };
        claims.AddRange(Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

/// <summary>The real site with the test sign-in added (authenticate and forbid; the challenge stays the site's).</summary>
public class TestAuthenticationFactory : KennisHubFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultForbidScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultChallengeScheme ??= TestAuthenticationHandler.SchemeName;
            });
        });
    }

    public HttpClient CreateClientAs(string user, params string[] roles) => CreateClientAs(Guid.NewGuid(), user, roles);

    public HttpClient CreateClientAs(Guid userId, string user, params string[] roles)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.IdHeader, userId.ToString());
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, user);
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RolesHeader, string.Join(',', roles));
        return client;
    }
}
