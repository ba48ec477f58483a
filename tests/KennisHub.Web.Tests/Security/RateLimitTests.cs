using System.Net;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Security;

/// <summary>Limits lowered to two, and the search policy also put on the home page so that it can be driven today.</summary>
public sealed class LowRateLimitFactory : TestAuthenticationFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:Search:PermitLimit"] = "2",
        ["Security:Search:WindowSeconds"] = "600",
        ["Security:SignIn:PermitLimit"] = "2",
        ["Security:SignIn:WindowSeconds"] = "600",
        ["Security:Registration:PermitLimit"] = "2",
        ["Security:Registration:WindowSeconds"] = "600",
        ["Security:Preview:PermitLimit"] = "2",
        ["Security:Preview:WindowSeconds"] = "600",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AddPageApplicationModelConvention("/Index", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(SecuritySetup.SearchPolicy)))));
    }
}

public sealed class RateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_Retry_After_and_a_Dutch_message()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var refused = await client.GetAsync("/", Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 600);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Te veel verzoeken");
        (await client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "Andere pagina's vallen niet onder de limiet.");
    }

    [Fact]
    public async Task The_sign_in_budget_guards_the_erase_form_by_its_route_counting_posts_only()
    {
        using var client = factory.CreateClientAs("Raad Ruud");
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/account/mijn-gegevens", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "Het formulier bekijken telt niet mee.");
        }

        (await client.PostAsync("/account/mijn-gegevens?handler=Delete", new FormUrlEncodedContent([]), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/account/mijn-gegevens?handler=Delete", new FormUrlEncodedContent([]), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var refused = await client.PostAsync("/account/mijn-gegevens?handler=Delete", new FormUrlEncodedContent([]), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
    }

    [Fact]
    public async Task The_editors_previews_are_limited_per_person_while_opening_and_saving_are_not_counted()
    {
        using var writer = factory.CreateClientAs("Schrijver Sem", Core.Identity.RoleNames.NetworkMember);
        using var other = factory.CreateClientAs("Schrijver Saar", Core.Identity.RoleNames.NetworkMember);
        using var empty = new FormUrlEncodedContent([]);

        // Without a token the posts are refused (400), but they count: the limiter stands before the page.
        (await writer.PostAsync("/kennis/nieuw?handler=VoorbeeldLive", empty, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await writer.PostAsync("/kennis/nieuw?handler=Voorbeeld", empty, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var refused = await writer.PostAsync("/kennis/nieuw?handler=VoorbeeldLive", empty, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        (await writer.GetAsync("/kennis/nieuw", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "Het formulier openen telt niet mee.");
        (await writer.PostAsync("/kennis/nieuw", empty, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "Opslaan telt niet mee.");
        (await other.PostAsync("/kennis/nieuw?handler=VoorbeeldLive", empty, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "Een ander heeft een eigen budget.");
    }
}
