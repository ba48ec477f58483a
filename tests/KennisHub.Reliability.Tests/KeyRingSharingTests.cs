using System.Net;
using AngleSharp.Html.Parser;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

/// <summary>
/// Two real processes of the site on one SQLite file share the Data Protection key ring in the database: a form
/// (antiforgery cookie and token) from one is accepted by the other, and so is the sign-in cookie.
/// </summary>
public sealed class KeyRingSharingTests
{
    private const string SignInPage = "/account/inloggen";
    private const string SessionCookie = ".KennisHub.Sessie";
    private const string DemoPassword = "demo-wachtwoord-voor-de-sleutelring";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_form_and_a_sign_in_from_one_instance_are_accepted_by_another_instance_on_the_same_database()
    {
        using var database = new TempDatabase();
        await using var first = await SiteProcess.StartAsync(database.ConnectionString, Ct, new Dictionary<string, string>
        {
            ["Seed__DemoAccounts"] = "true",
            ["Seed__DemoPassword"] = DemoPassword,
        });
        await using var second = await SiteProcess.StartAsync(database.ConnectionString, Ct);

        var cookies = new CookieContainer();
        using var toFirst = Client(first.Address, cookies);
        using var toSecond = Client(second.Address, cookies);
        var fields = await SignInFormAsync(toFirst);

        // The control first: a damaged token is refused, so the acceptance below means something.
        var tampered = fields.Select(f => f.Key == "__RequestVerificationToken" ? new KeyValuePair<string, string>(f.Key, f.Value[..^4] + "AAAA") : f);
        using (var refused = await toSecond.PostAsync(SignInPage, new FormUrlEncodedContent(tampered), Ct))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // The sign-in form of the first instance, posted to the second: the token is accepted and the person signed in.
        fields.RemoveAll(f => f.Key is "Input.Email" or "Input.Password");
        fields.Add(new("Input.Email", "lid@kennishub.example"));
        fields.Add(new("Input.Password", DemoPassword));
        using var signedIn = await toSecond.PostAsync(SignInPage, new FormUrlEncodedContent(fields), Ct);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "Het tweede proces weigerde het formulier van het eerste.");
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];

        // The session cookie the second issued opens a signed-in page on the first (sent by hand: it is Secure, this is http).
        using var withoutCookie = Client(first.Address, new CookieContainer());
        using (var visitor = await withoutCookie.GetAsync("/account/profiel", Ct))
        {
            visitor.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/profiel");
        request.Headers.Add("Cookie", session);
        using var profile = await withoutCookie.SendAsync(request, Ct);
        profile.StatusCode.ShouldBe(HttpStatusCode.OK, "Het eerste proces las het inlogcookie van het tweede niet.");

        await using var connection = await new Db(DatabaseProvider.Sqlite, database.ConnectionString).OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM DataProtectionKeys")).ShouldBe(1);
    }

    private static HttpClient Client(Uri address, CookieContainer cookies)
        => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task<List<KeyValuePair<string, string>>> SignInFormAsync(HttpClient client)
    {
        using var response = await client.GetAsync(SignInPage, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
        var form = document.QuerySelector("main form[method=post]").ShouldNotBeNull();
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        return form.QuerySelectorAll("input[name]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
    }
}
