using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KennisHub.Tests.Shared;
using KennisHub.Web.Tests.Account;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Security;

/// <summary>
/// The site with the demo accounts and a content folder written at start: one organisation, theme and article per
/// attack string, with the string in every text field (name, title, summary, author, keywords, body).
/// </summary>
public sealed class XssFactory : AccountFactory
{
    private readonly string contentFolder = WriteAttackContent();

    protected override string? ContentFolder => contentFolder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(contentFolder))
        {
            Directory.Delete(contentFolder, recursive: true);
        }
    }

    private static string WriteAttackContent()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", "aanvallen-" + Guid.NewGuid().ToString("N"));
        foreach (var part in new[] { "organisaties", "themas", "kennis" })
        {
            Directory.CreateDirectory(Path.Combine(folder, part));
        }

        for (var i = 0; i < AttackCorpus.All.Count; i++)
        {
            var attack = Yaml(AttackCorpus.All[i]);
            File.WriteAllText(Path.Combine(folder, "organisaties", $"aanval-org-{i}.md"), $"""
                ---
                slug: aanval-org-{i}
                name: {attack}
                kind: Network
                website: "https://example.org/?q=\"><script>alert(1)</script>"
                ---
                {AttackCorpus.All[i]}
                """);
            File.WriteAllText(Path.Combine(folder, "themas", $"aanval-thema-{i}.md"), $"""
                ---
                slug: aanval-thema-{i}
                title: {attack}
                summary: {attack}
                visibility: Public
                keywords: [{attack}]
                ---
                {AttackCorpus.All[i]}
                """);
            File.WriteAllText(Path.Combine(folder, "kennis", $"aanval-{i}.md"), $"""
                ---
                slug: aanval-{i}
                title: {attack}
                summary: {attack}
                visibility: Public
                organisation: aanval-org-{i}
                author: {attack}
                themes: [aanval-thema-{i}]
                keywords: [{attack}]
                ---
                {AttackCorpus.All[i]}
                """);
        }

        return folder;
    }

    /// <summary>A YAML double-quoted scalar that reads back exactly as the string.</summary>
    private static string Yaml(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\t' => @"\t",
                _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}

/// <summary>
/// Stored and reflected XSS through every place users write text today: display name and organisation at
/// registration (shown in the header, /beheer/accounts, /beheer/logboek, /account/profiel, /account/mijn-gegevens),
/// every query-string value a page binds, and imported Markdown with its front matter. Each response is parsed as a
/// browser would and checked with <see cref="HtmlSafety"/>; where the text is shown, it is shown as the text typed.
/// </summary>
public sealed partial class XssTests(XssFactory factory) : IClassFixture<XssFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_corpus_holds_at_least_forty_attacks() => AttackCorpus.All.Count.ShouldBeGreaterThanOrEqualTo(40);

    [Fact]
    public async Task Display_names_and_organisations_full_of_attacks_are_shown_as_text_on_every_page_that_shows_them()
    {
        var failures = new List<string>();
        var accounts = new List<(string Email, string Name)>();
        using (var visitor = SiteClient.Create(factory))
        {
            foreach (var attack in AttackCorpus.All)
            {
                var email = AccountTestData.NewEmail("aanval");
                using var response = await visitor.RegisterAsync(email, name: attack, organisation: attack);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"registreren als {attack}");
                accounts.Add((email, attack.Trim()));
            }
        }

        using var administrator = SiteClient.Create(factory);
        await administrator.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);
        var scripts = await SiteScriptsAsync(administrator);

        var accountPages = await AllPagesAsync(administrator, "/beheer/accounts", scripts, failures);
        var accountText = Normalise(string.Concat(accountPages.Select(p => p.QuerySelector("main")!.TextContent)));
        var logPages = await AllPagesAsync(administrator, "/beheer/logboek?handeling=account.registered", scripts, failures);
        var logText = Normalise(string.Concat(logPages.Select(p => p.QuerySelector("main")!.TextContent)));
        foreach (var (_, name) in accounts)
        {
            if (!accountText.Contains(Normalise(name), StringComparison.Ordinal))
            {
                failures.Add($"/beheer/accounts toont de naam niet als tekst: {name}");
            }

            if (!logText.Contains(Normalise(name), StringComparison.Ordinal))
            {
                failures.Add($"/beheer/logboek toont de naam niet als tekst: {name}");
            }
        }

        foreach (var (email, name) in accounts)
        {
            using var owner = SiteClient.Create(factory);
            await owner.SignInOrFailAsync(email, AccountTestData.GoodPassword);
            // The header names nobody (members share the public pages); the sign-out page and Profiel do.
            foreach (var path in new[] { "/", "/account/uitloggen", "/account/profiel", "/account/mijn-gegevens" })
            {
                var page = await owner.GetPageAsync(path);
                failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{path} als {name}: {p}"));
                if (path is not ("/" or "/account/mijn-gegevens") && !Normalise(page.Body!.TextContent).Contains(Normalise(name), StringComparison.Ordinal))
                {
                    failures.Add($"{path} toont de naam niet als tekst: {name}");
                }
            }

            using var download = await owner.GetAsync("/account/mijn-gegevens?handler=Download");
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_query_string_value_a_page_binds_comes_back_harmless()
    {
        using var administrator = SiteClient.Create(factory);
        await administrator.SignInOrFailAsync("beheerder@kennishub.example", AccountFactory.DemoPassword);
        var scripts = await SiteScriptsAsync(administrator);
        var targets = await QueryParametersAsync();
        targets.ShouldContain(t => t.Path == "/kennis" && t.Parameters.Contains("trefwoord"));
        targets.ShouldContain(t => t.Path == "/organisaties" && t.Parameters.Contains("provincie"));
        targets.ShouldContain(t => t.Path == "/beheer/logboek" && t.Parameters.Contains("door"));

        var failures = new List<string>();
        foreach (var (path, parameters) in targets)
        {
            foreach (var parameter in parameters)
            {
                foreach (var attack in AttackCorpus.All)
                {
                    var address = $"{path}?{parameter}={Uri.EscapeDataString(attack)}";
                    using var response = await administrator.GetAsync(address);
                    ((int)response.StatusCode).ShouldBeLessThan(500, address);
                    var page = await SiteClient.ParseAsync(response);
                    failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{address}: {p}"));
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Imported_markdown_and_front_matter_full_of_attacks_render_harmless_pages_with_the_titles_as_text()
    {
        using var visitor = SiteClient.Create(factory);
        var scripts = await SiteScriptsAsync(visitor);
        var failures = new List<string>();
        for (var i = 0; i < AttackCorpus.All.Count; i++)
        {
            var attack = Normalise(AttackCorpus.All[i]);
            foreach (var path in new[] { $"/kennis/aanval-{i}", $"/themas/aanval-thema-{i}", $"/organisaties/aanval-org-{i}" })
            {
                var page = await visitor.GetPageAsync(path);
                failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{path}: {p}"));
                if (Normalise(page.QuerySelector("h1")!.TextContent) != attack)
                {
                    failures.Add($"{path}: kop '{page.QuerySelector("h1")!.TextContent}' is niet de tekst '{attack}'");
                }
            }
        }

        foreach (var list in new[] { "/kennis", "/themas", "/organisaties?soort=Network" })
        {
            await AllPagesAsync(visitor, list, scripts, failures);
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Attacks_typed_into_every_editor_field_come_back_harmless_in_the_form_the_preview_and_the_saved_article()
    {
        using var member = SiteClient.Create(factory);
        await member.SignInOrFailAsync("lid@kennishub.example", AccountFactory.DemoPassword);
        var scripts = await SiteScriptsAsync(member);
        var failures = new List<string>();
        var saved = 0;
        for (var i = 0; i < AttackCorpus.All.Count; i++)
        {
            var attack = AttackCorpus.All[i];
            var fields = new Dictionary<string, string>
            {
                ["Input.Title"] = attack, ["Input.Slug"] = attack, ["Input.Summary"] = attack, ["Input.Body"] = attack, ["Input.Visibility"] = "Public",
                ["Input.OrganisationId"] = "", ["Input.Keywords[0]"] = attack, ["Input.ChangeSummary"] = attack,
            };
            var form = (await member.GetPageAsync("/kennis/nieuw")).QuerySelector("form#editor")!;
            foreach (var address in new[] { "/kennis/nieuw?handler=Voorbeeld", "/kennis/nieuw" })
            {
                using var shown = await member.SubmitAsync(form, fields, address);
                ((int)shown.StatusCode).ShouldBeLessThan(500, address);
                failures.AddRange(HtmlSafety.Problems((await SiteClient.ParseAsync(shown)).DocumentElement, scripts).Select(p => $"{address} met aanval {i}: {p}"));
            }

            fields["Input.Slug"] = $"editor-aanval-{i}-{Guid.NewGuid():N}"[..40];
            fields["Input.Keywords[0]"] = "trefwoord " + attack;
            using var response = await member.SubmitAsync(form, fields, "/kennis/nieuw");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                continue;
            }

            saved++;
            var location = response.Headers.Location!.OriginalString;
            foreach (var path in new[] { location, location + "/bewerken", "/kennis" })
            {
                var page = await member.GetPageAsync(path);
                failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{path}: {p}"));
            }

            if (Normalise((await member.GetPageAsync(location)).QuerySelector("h1")!.TextContent) != Normalise(attack))
            {
                failures.Add($"{location}: de kop is niet de getypte titel '{attack}'");
            }
        }

        saved.ShouldBeGreaterThan(AttackCorpus.All.Count / 2);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_results_over_text_full_of_attacks_show_it_as_text()
    {
        using var visitor = SiteClient.Create(factory);
        var scripts = await SiteScriptsAsync(visitor);
        var failures = new List<string>();
        foreach (var query in new[] { "script", "alert", "javascript", "onerror", "img", "svg", "iframe", "style" })
        {
            var page = await visitor.GetPageAsync("/zoeken?q=" + query);
            failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"/zoeken?q={query}: {p}"));
            page.QuerySelectorAll(".kh-result__snippet *").Select(e => e.LocalName).Distinct().ShouldBe(page.QuerySelectorAll(".kh-result__snippet mark").Length > 0 ? ["mark"] : []);
        }

        (await visitor.GetPageAsync("/zoeken?q=alert")).QuerySelectorAll(".kh-result").ShouldNotBeEmpty();
        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// The scripts the site itself ships, the only ones a page may hold: the layout's, and for whoever may write, the
    /// editor pages' own (htmx and editor.js), read from an editor that holds nothing typed yet.
    /// </summary>
    private static async Task<IReadOnlySet<string>> SiteScriptsAsync(SiteClient client)
    {
        var scripts = (await client.GetPageAsync("/")).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet();
        using var editor = await client.GetAsync("/kennis/nieuw");
        if (editor.StatusCode == HttpStatusCode.OK)
        {
            scripts.UnionWith((await SiteClient.ParseAsync(editor)).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));
        }

        return scripts;
    }

    /// <summary>Follows rel=next from <paramref name="first"/>, checking each page.</summary>
    private static async Task<List<IDocument>> AllPagesAsync(SiteClient client, string first, IReadOnlySet<string> scripts, List<string> failures)
    {
        var pages = new List<IDocument>();
        for (var address = first; address is not null && pages.Count < 100;)
        {
            var page = await client.GetPageAsync(address);
            failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{address}: {p}"));
            pages.Add(page);
            address = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        return pages;
    }

    /// <summary>Every page without route parameters, with the query-string names its handlers and properties bind.</summary>
    private async Task<List<(string Path, List<string> Parameters)>> QueryParametersAsync()
        => (await SitePage.DiscoverAsync(factory.Services))
            .Where(page => page.ViewEnginePath != "/Error" && !page.Templates[0].Contains('{', StringComparison.Ordinal))
            .Select(page => (page.Templates[0], page.Compiled.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Parameters)
                .Where(p => p.ParameterType != typeof(CancellationToken))
                .Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
                .Concat(page.Compiled.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name))
                .Append("returnUrl")
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList()))
            .ToList();

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
