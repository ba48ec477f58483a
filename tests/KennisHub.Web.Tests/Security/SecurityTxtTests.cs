using System.Globalization;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Security;

public sealed class SecurityTxtTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    [Fact]
    public async Task Security_txt_names_a_contact_an_expiry_a_year_ahead_the_languages_and_its_canonical_address()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/.well-known/security.txt", TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var fields = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);

        fields["Contact"].ShouldBe("mailto:security@kennishub.example");
        fields["Preferred-Languages"].ShouldBe("nl, en");
        fields["Canonical"].ShouldBe("https://localhost/.well-known/security.txt"); // Email:LinkBaseUrl, not the request
        var expires = DateTimeOffset.Parse(fields["Expires"], CultureInfo.InvariantCulture);
        expires.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(360), DateTimeOffset.UtcNow.AddDays(367));
        fields["Expires"].ShouldEndWith("Z");
    }
}
