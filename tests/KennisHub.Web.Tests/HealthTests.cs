using System.Net;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests;

public sealed class HealthTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_page_answers_404_in_Dutch()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/bestaat-niet", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("Pagina niet gevonden");
        html.ShouldContain("<html lang=\"nl\"");
    }
}
