using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KennisHub.Core.Tests.Identity;

/// <summary>A real UserManager and RoleManager over the Dapper stores, configured as the site configures them.</summary>
internal sealed class IdentityTestKit : IDisposable
{
    public IdentityTestKit(Db db)
    {
        Store = new DapperUserStore(db, new KennisHubIdentityErrorDescriber());
        RoleStore = new DapperRoleStore(db);
        var options = new IdentityOptions();
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = "";
        options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
        options.Tokens.ProviderMap[OneTimeAuthenticatorTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(OneTimeAuthenticatorTokenProvider))
        {
            ProviderInstance = new OneTimeAuthenticatorTokenProvider(Store, Clock),
        };

        Services = new ServiceCollection().BuildServiceProvider();
        Users = new UserManager<KennisHubUser>(
            Store,
            Options.Create(options),
            new PasswordHasher<KennisHubUser>(),
            [new UserValidator<KennisHubUser>()],
            [new PasswordValidator<KennisHubUser>(), new CommonPasswordValidator()],
            new UpperInvariantLookupNormalizer(),
            new KennisHubIdentityErrorDescriber(),
            Services,
            NullLogger<UserManager<KennisHubUser>>.Instance);
        Roles = new RoleManager<KennisHubRole>(
            RoleStore,
            [new RoleValidator<KennisHubRole>()],
            new UpperInvariantLookupNormalizer(),
            new KennisHubIdentityErrorDescriber(),
            NullLogger<RoleManager<KennisHubRole>>.Instance);
    }

    public FixedClock Clock { get; } = new();

    public DapperUserStore Store { get; }

    public DapperRoleStore RoleStore { get; }

    public UserManager<KennisHubUser> Users { get; }

    public RoleManager<KennisHubRole> Roles { get; }

    private ServiceProvider Services { get; }

    public const string Password = "fietsen langs de IJssel in mei";

    public async Task EnsureRolesAsync()
    {
        foreach (var name in RoleNames.All)
        {
            if (!await Roles.RoleExistsAsync(name))
            {
                (await Roles.CreateAsync(new KennisHubRole(name))).Succeeded.ShouldBeTrue();
            }
        }
    }

    public async Task<KennisHubUser> CreateUserAsync(string? password = Password, ApprovalStatus status = ApprovalStatus.Pending)
    {
        var email = $"persoon-{Guid.NewGuid():N}@gemeente.example";
        var user = new KennisHubUser { UserName = email, Email = email, DisplayName = "Anna de Vries", ApprovalStatus = status };
        var result = password is null ? await Users.CreateAsync(user) : await Users.CreateAsync(user, password);
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Code)));
        return user;
    }

    public void Dispose()
    {
        Users.Dispose();
        Roles.Dispose();
        Services.Dispose();
    }
}

/// <summary>A clock that only moves when a test moves it.</summary>
internal sealed class FixedClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
