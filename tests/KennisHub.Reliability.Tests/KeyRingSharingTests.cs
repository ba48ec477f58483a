using System.Net;
using AngleSharp.Html.Parser;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Reliability.Tests.Infrastructure;

namespace KennisHub.Reliability.Tests;

public sealed class KeyRingSharingTests
{
    /// <summary>Pages with a form (and so an antiforgery token); the first that exists is used.</summary>
    private static readonly string[] FormPages = ["/account/inloggen", "/account/registreren", "/taal"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_form_token_from_one_instance_is_accepted_by_another_instance_on_the_same_database()
    {
        using var database = new TempDatabase();
        await using var first = await SiteProcess.StartAsync(database.ConnectionString, Ct);
        await using var second = await SiteProcess.StartAsync(database.ConnectionString, Ct);

        var cookies = new CookieContainer();
        using var toFirst = Client(first.Address, cookies);
        using var toSecond = Client(second.Address, cookies);
        var (path, fields) = await FindFormAsync(toFirst);

        using var accepted = await toSecond.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
        ((int)accepted.StatusCode).ShouldNotBe(400, "Het tweede proces weigerde het antiforgery-token van het eerste.");
        ((int)accepted.StatusCode).ShouldBeLessThan(500);

        // The control: the same post with a damaged token is refused, so the acceptance above means something.
        var tampered = fields.Select(f => f.Key == "__RequestVerificationToken" ? new KeyValuePair<string, string>(f.Key, f.Value[..^4] + "AAAA") : f);
        using var refused = await toSecond.PostAsync(path, new FormUrlEncodedContent(tampered), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var connection = await new Db(DatabaseProvider.Sqlite, database.ConnectionString).OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM DataProtectionKeys")).ShouldBe(1);
    }

    private static HttpClient Client(Uri address, CookieContainer cookies)
        => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task<(string Path, List<KeyValuePair<string, string>> Fields)> FindFormAsync(HttpClient client)
    {
        foreach (var path in FormPages)
        {
            using var response = await client.GetAsync(path, Ct);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);
            var form = document.Forms.FirstOrDefault(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null
                && string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase));
            if (form is null)
            {
                continue;
            }

            var fields = form.QuerySelectorAll("input[name]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
                .ToList();
            var action = form.GetAttribute("action");
            return (string.IsNullOrEmpty(action) ? path : action, fields);
        }

        Assert.Skip("Nog geen formulierpagina met antiforgery-token (" + string.Join(", ", FormPages) + "); de sleutelring-test wacht daarop.");
        throw new InvalidOperationException();
    }
}
