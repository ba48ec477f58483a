using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KennisHub.Core.Identity;
using KennisHub.Core.Organisations;
using KennisHub.Web.Tests.Account;
using KennisHub.Web.Tests.Infrastructure;
using KennisHub.Web.Tests.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Security;

/// <summary>The real site with the demo accounts and the knowledge fixture (public, network and atelier items).</summary>
public sealed class MatrixFactory : AccountFactory
{
    protected override string? ContentFolder => KnowledgeFactory.ContentFixture;
}

/// <summary>
/// Who gets in where: every page and every handler of the site (found through the endpoint data source and the
/// page loader) against <c>AuthorizationMatrix.txt</c>, as each actor, signed in for real over HTTP. A page or
/// handler without a row fails the suite by name, and so does a row for something that no longer exists.
/// </summary>
public sealed partial class AuthorizationMatrixTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The columns, in the order of the file. Null e-mail: a visitor.</summary>
    private static readonly string[] Actors = ["bezoeker", "aangevraagd", "netwerklid", "atelierlid", "lobbyteam", "beheerder", "eigenaar", "contactpersoon", "contactpersoon-ander"];

    /// <summary>The organisation the organisation rows are about, and the other one whose contact person must be refused.</summary>
    private const string ContactOrganisation = "gemeente-kampen";

    private const string OtherOrganisation = "proef-netwerk";

    private static readonly Dictionary<string, string> DemoEmails = new()
    {
        ["netwerklid"] = "lid@kennishub.example",
        ["atelierlid"] = "atelier@kennishub.example",
        ["lobbyteam"] = "lobby@kennishub.example",
        ["beheerder"] = "beheerder@kennishub.example",
    };

    private sealed record Row(int Line, string Method, string Address, string? Handler, IReadOnlyList<string> Expected)
    {
        public string Path => Address.Split('?')[0];

        public override string ToString() => $"{Method} {Address}";
    }

    private sealed record DiscoveredPage(string ViewEnginePath, IReadOnlyList<string> Templates, IReadOnlyList<(string Method, string? Handler)> Handlers);

    public static string MatrixFile
        => Path.Combine(Path.GetDirectoryName(KnowledgeFactory.ContentFixture)!, "..", "..", "KennisHub.Web.Tests", "Security", "AuthorizationMatrix.txt");

    private static List<Row> ReadMatrix()
    {
        var rows = new List<Row>();
        var lines = File.ReadAllLines(MatrixFile);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            cells.Length.ShouldBe(2 + Actors.Length, $"AuthorizationMatrix.txt regel {i + 1}: methode, adres en {Actors.Length} uitkomsten verwacht: {line}");
            var address = cells[1];
            var handler = Regex.Match(address, @"[?&]handler=([^&]+)") is { Success: true } match ? match.Groups[1].Value : null;
            rows.Add(new Row(i + 1, cells[0], address, handler, cells[2..]));
        }

        return rows;
    }

    private async Task<List<DiscoveredPage>> DiscoverAsync()
        => (await SitePage.DiscoverAsync(factory.Services))
            .Select(page => new DiscoveredPage(page.ViewEnginePath, page.Templates, page.Compiled.HandlerMethods
                .Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name))
                .Append(("GET", (string?)null)) // every page answers a plain GET, with or without OnGet
                .Distinct()
                .ToList()))
            .ToList();

    private static bool Matches(DiscoveredPage page, Row row)
        => page.Templates.Any(template => Regex.IsMatch(row.Path, "^" + RouteParameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$", RegexOptions.IgnoreCase));

    [Fact]
    public async Task Every_page_and_handler_of_the_site_has_a_row_and_every_row_a_page()
    {
        var rows = ReadMatrix();
        var pages = await DiscoverAsync();

        var missing = pages
            .SelectMany(page => page.Handlers.Select(handler => (page, handler)))
            .Where(x => !rows.Any(row => row.Method == x.handler.Method
                && string.Equals(row.Handler, x.handler.Handler, StringComparison.OrdinalIgnoreCase)
                && Matches(x.page, row)))
            .Select(x => $"{x.handler.Method} {x.page.Templates[0]}{(x.handler.Handler is null ? "" : "?handler=" + x.handler.Handler)} (pagina {x.page.ViewEnginePath})")
            .Select(text => "zonder regel: " + text)
            .ToList();

        var stale = rows
            .Where(row => !pages.Any(page => Matches(page, row)
                && page.Handlers.Any(h => h.Method == row.Method && string.Equals(h.Handler, row.Handler, StringComparison.OrdinalIgnoreCase))))
            .Select(row => $"regel {row.Line} zonder pagina of handler: {row}")
            .ToList();
        missing.Concat(stale).ShouldBeEmpty("AuthorizationMatrix.txt: geef elke pagina en handler een regel, en schrap regels voor wat niet (meer) bestaat");
    }

    [Fact]
    public async Task Every_actor_gets_exactly_the_outcome_the_matrix_names_for_every_page_and_handler()
    {
        var rows = ReadMatrix();
        var accounts = await PrepareAccountsAsync();
        var failures = new List<string>();
        var actual = new StringBuilder();
        var readers = new Dictionary<string, SiteClient>();
        try
        {
            foreach (var row in rows)
            {
                var outcomes = new List<string>();
                for (var column = 0; column < Actors.Length; column++)
                {
                    var actor = Actors[column];
                    var expected = row.Expected[column];
                    if (expected == "-")
                    {
                        outcomes.Add("-");
                        continue;
                    }

                    string outcome;
                    if (row.Method == "GET")
                    {
                        if (!readers.TryGetValue(actor, out var reader))
                        {
                            reader = await SignedInClientAsync(accounts[actor]);
                            readers[actor] = reader;
                        }

                        using var response = await reader.GetAsync(row.Address);
                        outcome = Outcome(response);
                    }
                    else
                    {
                        // A fresh session per post: a post may end the session (Uitloggen) or change the account.
                        using var client = await SignedInClientAsync(accounts[actor]);
                        using var response = await PostWithTokenAsync(client, row.Address);
                        outcome = Outcome(response);

                        // A post may also end the actor's other sessions (Profiel: "op alle andere apparaten uitloggen"):
                        // the next GET signs in afresh.
                        if (readers.Remove(actor, out var stale))
                        {
                            stale.Dispose();
                        }
                    }

                    outcomes.Add(outcome);
                    if (!Fits(expected, outcome))
                    {
                        failures.Add($"regel {row.Line}: {row} als {actor}: verwacht {expected}, kreeg {outcome}");
                    }
                }

                actual.AppendLine($"{row.Method,-5}{row.Address,-56}{string.Join("", outcomes.Select(o => $"{o,-12}"))}");
            }
        }
        finally
        {
            foreach (var reader in readers.Values)
            {
                reader.Dispose();
            }
        }

        failures.ShouldBeEmpty("Werkelijke matrix:\n" + actual);
    }

    /// <summary>Actor name to (e-mail, password); null for the visitor.</summary>
    private async Task<Dictionary<string, (string Email, string Password)?>> PrepareAccountsAsync()
    {
        var accounts = new Dictionary<string, (string Email, string Password)?> { ["bezoeker"] = null };
        foreach (var (actor, email) in DemoEmails)
        {
            accounts[actor] = (email, AccountFactory.DemoPassword);
        }

        using var client = SiteClient.Create(factory);
        var pending = AccountTestData.NewEmail("aangevraagd");
        (await client.RegisterAsync(pending, name: "Aanvrager Matrix")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accounts["aangevraagd"] = (pending, AccountTestData.GoodPassword);

        var owner = AccountTestData.NewEmail("eigenaar");
        (await client.RegisterAsync(owner, name: "Eigenaar Matrix")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (ownerId, _, _) = await factory.UserAsync(owner);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            (await administration.ApproveAsync(ownerId, new Actor(Guid.NewGuid(), "Matrixtest"), Ct)).ShouldBe(AccountChange.Done);
        }

        accounts["eigenaar"] = (owner, AccountTestData.GoodPassword);
        accounts["contactpersoon"] = (await ContactPersonAsync(client, "Contactpersoon Matrix", ContactOrganisation), AccountTestData.GoodPassword);
        accounts["contactpersoon-ander"] = (await ContactPersonAsync(client, "Contactpersoon Ander", OtherOrganisation), AccountTestData.GoodPassword);
        return accounts;
    }

    /// <summary>A fresh approved Netwerklid who is an approved contact person of the organisation (its /mensen slug: the name's).</summary>
    private async Task<string> ContactPersonAsync(SiteClient client, string name, string organisationSlug)
    {
        var email = AccountTestData.NewEmail("contact");
        (await client.RegisterAsync(email, name: name)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (userId, _, _) = await factory.UserAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var administrator = new Actor(Guid.NewGuid(), "Matrixtest");
        (await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ApproveAsync(userId, administrator, Ct)).ShouldBe(AccountChange.Done);
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().FindBySlugAsync(organisationSlug, Ct);
        organisation.ShouldNotBeNull();
        var writes = scope.ServiceProvider.GetRequiredService<MembershipWrites>();
        (await writes.RequestAsync(organisation.Id, new Actor(userId, name), "Matrix", Ct)).ShouldBe(MembershipChange.Done);
        (await writes.DecideAsync(organisation.Id, userId, approve: true, null, administrator, Ct)).ShouldBe(MembershipChange.Done);
        (await writes.SetContactPersonAsync(organisation.Id, userId, true, administrator, Ct)).ShouldBe(MembershipChange.Done);
        return email;
    }

    private async Task<SiteClient> SignedInClientAsync((string Email, string Password)? account)
    {
        var client = SiteClient.Create(factory);
        if (account is { } signIn)
        {
            await client.SignInOrFailAsync(signIn.Email, signIn.Password);
        }

        return client;
    }

    /// <summary>A post with nothing but a valid antiforgery token for this session (taken from any form it may see).</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(SiteClient client, string address)
    {
        string? token = null;
        foreach (var source in new[] { "/", "/account/inloggen" })
        {
            using var response = await client.GetAsync(source);
            var page = await SiteClient.ParseAsync(response);
            token = page.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value");
            if (token is not null)
            {
                break;
            }
        }

        token.ShouldNotBeNull("Geen antiforgery-token te vinden voor deze sessie.");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.Http.PostAsync(address, content, Ct);
    }

    private static string Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.RedirectKeepVerb)
        {
            var location = response.Headers.Location!;
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return path.ToLowerInvariant() switch
            {
                "/account/inloggen" => "login",
                "/account/geen-toegang" => "403",
                _ => "redirect",
            };
        }

        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool Fits(string expected, string outcome) => expected == outcome;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
