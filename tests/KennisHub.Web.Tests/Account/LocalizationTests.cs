using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Resources;
using System.Text.RegularExpressions;
using KennisHub.Web.Resources;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Account;

public sealed partial class LocalizationTests(AccountFactory factory) : IClassFixture<AccountFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/account/inloggen",
        "/account/registreren",
        "/account/registreren/ontvangen",
        "/account/uitloggen",
        "/account/geblokkeerd",
        "/account/profiel",
        "/account/wachtwoord-wijzigen",
        "/account/tweestapsverificatie",
        "/beheer/accounts",
    };

    [Theory]
    [InlineData(typeof(AccountText))]
    [InlineData(typeof(BeheerText))]
    [InlineData(typeof(IdentityText))]
    public void Dutch_and_English_resources_have_the_same_keys(Type marker)
    {
        var resources = new ResourceManager(marker);
        var dutch = Keys(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!);
        var english = Keys(resources.GetResourceSet(new CultureInfo("en"), createIfNotExists: true, tryParents: false)!);

        dutch.ShouldNotBeEmpty();
        english.ShouldBe(dutch);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_account_page_shows_text_not_resource_keys_in_Dutch_and_English(string url)
    {
        foreach (var language in new[] { "nl-NL", "en" })
        {
            using var client = SiteClient.Create(factory);
            client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            await client.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);

            using var response = await client.GetAsync(url);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url} ({language})");
            var text = (await SiteClient.ParseAsync(response)).Body!.TextContent;
            ResourceKey().Matches(text).Select(m => m.Value).ShouldBeEmpty($"{url} ({language})");
        }
    }

    [Fact]
    public async Task Identity_messages_follow_the_reader_s_language()
    {
        using var client = SiteClient.Create(factory);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        using var response = await client.RegisterAsync(AccountTestData.NewEmail(), password: "kort-11-tkn");

        var page = await SiteClient.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Register");
        page.QuerySelector("#Input_Password-error")!.TextContent.ShouldContain("too short");
    }

    private static List<string> Keys(ResourceSet set)
        => set.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b(Login|Logout|Register|Requested|Field|ErrorSummary|ChangePassword|TwoFactor|LoginTwoFactor|LoginRecovery|RecoveryCode|Locked|AccessDenied|Profile|Approval|Role|Accounts|Status|Identity|Nav)_[A-Za-z_-]+")]
    private static partial Regex ResourceKey();
}
