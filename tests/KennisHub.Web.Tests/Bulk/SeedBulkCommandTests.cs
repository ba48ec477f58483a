using System.Net;
using Dapper;
using KennisHub.Core.Bulk;
using KennisHub.Core.Content;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Tests.Infrastructure;
using Spectre.Console;

namespace KennisHub.Web.Tests.Bulk;

/// <summary>The site after its first run (content/ imported), then filled once by <c>seed-bulk</c> with a small corpus.</summary>
public sealed class BulkSeedFactory : KennisHubFactory, IAsyncLifetime
{
    public const string Password = "bulk-wachtwoord-voor-tests";

    public static readonly string[] Arguments =
        ["seed-bulk", "--articles", "40", "--themes", "6", "--organisations", "5", "--members", "12", "--min-words", "200", "--max-words", "400", "--password", Password];

    public Counts Before { get; private set; } = null!;

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _ = Services; // starts the host: migrations, the content import, the roles
        Before = await CountAsync();
        (ExitCode, Output) = await RunAsync(Arguments);
    }

    public async Task<(int ExitCode, string Output)> RunAsync(string[] arguments)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        console.Profile.Width = 10_000; // no wrapped lines in the assertions
        var exitCode = await SeedBulkCommand.RunAsync(Services, arguments, console, CancellationToken.None);
        return (exitCode, writer.ToString());
    }

    public sealed record Counts(long Articles, long Themes, long Organisations, long Users, long Revisions, long ArticleThemes, long ArticleKeywords, long Memberships);

    public async Task<Counts> CountAsync()
    {
        const string Sql = """
            SELECT (SELECT COUNT(*) FROM Articles) AS Articles, (SELECT COUNT(*) FROM Themes) AS Themes,
                   (SELECT COUNT(*) FROM Organisations) AS Organisations, (SELECT COUNT(*) FROM Users) AS Users,
                   (SELECT COUNT(*) FROM Revisions) AS Revisions, (SELECT COUNT(*) FROM ArticleThemes) AS ArticleThemes,
                   (SELECT COUNT(*) FROM ArticleKeywords) AS ArticleKeywords, (SELECT COUNT(*) FROM Memberships) AS Memberships
            """;
        await using var connection = await CreateDb().OpenAsync();
        return await connection.QuerySingleAsync<Counts>(Sql);
    }
}

public sealed class SeedBulkCommandTests(BulkSeedFactory factory) : IClassFixture<BulkSeedFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_adds_exactly_the_items_asked_for_with_their_revisions_and_links()
    {
        factory.ExitCode.ShouldBe(0, factory.Output);
        var after = await factory.CountAsync();
        var before = factory.Before;

        (after.Articles - before.Articles).ShouldBe(40);
        (after.Themes - before.Themes).ShouldBe(6);
        (after.Organisations - before.Organisations).ShouldBe(5);
        (after.Users - before.Users).ShouldBe(12);
        (after.Memberships - before.Memberships).ShouldBe(12);
        (after.ArticleThemes - before.ArticleThemes).ShouldBeGreaterThanOrEqualTo(40);
        (after.ArticleKeywords - before.ArticleKeywords).ShouldBeGreaterThanOrEqualTo(80);
        (after.Revisions - before.Revisions).ShouldBeGreaterThanOrEqualTo(46);
        factory.Output.ShouldContain("40 kennisartikelen");

        // Every text's revisions run 1..CurrentRevision, the last one holding the current Markdown.
        const string Sql = """
            SELECT COUNT(*) FROM Articles a JOIN ArticleBodies b ON b.ArticleId = a.Id
            WHERE (SELECT COUNT(*) FROM Revisions r WHERE r.SubjectKind = 'Article' AND r.SubjectId = a.Id) <> a.CurrentRevision
               OR NOT EXISTS (SELECT 1 FROM Revisions r WHERE r.SubjectKind = 'Article' AND r.SubjectId = a.Id
                              AND r.Number = a.CurrentRevision AND r.Markdown = b.BodyMarkdown)
            """;
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<long>(Sql)).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleBodies b WHERE b.ArticleId = a.Id)")).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Revisions WHERE Fingerprint IS NULL OR Length IS NULL OR LengthChange IS NULL")).ShouldBe(0);
        var revisions = await connection.QueryAsync<(string Markdown, string Fingerprint)>("SELECT Markdown, Fingerprint FROM Revisions WHERE ChangeSummary = 'Paragrafen toegevoegd'");
        revisions.ShouldNotBeEmpty();
        revisions.ShouldAllBe(r => KennisHub.Core.Revisions.RevisionFingerprint.Matches(r.Markdown, r.Fingerprint));
    }

    [Fact]
    public async Task Generated_articles_and_themes_render_through_the_real_pages()
    {
        const string ArticleSql = "SELECT Slug FROM Articles WHERE Slug LIKE '%-b%' AND Visibility = 'Public' ORDER BY Slug";
        const string ThemeSql = "SELECT Slug FROM Themes WHERE Slug LIKE '%-b%' AND Visibility = 'Public' ORDER BY Slug";
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        var article = await connection.QueryFirstAsync<string>(ArticleSql);
        var theme = await connection.QueryFirstAsync<string>(ThemeSql);
        using var client = factory.CreateClient();

        foreach (var url in new[] { $"/kennis/{article}", $"/themas/{theme}", "/kennis", "/kennis?pagina=2", "/themas", "/organisaties", "/" })
        {
            using var response = await client.GetAsync(url, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        var html = await client.GetStringAsync($"/kennis/{article}", Ct);
        html.ShouldContain("<h2 id=\"kop-");
        html.ShouldNotContain("lorem", Case.Insensitive);
    }

    [Fact]
    public async Task A_generated_member_signs_in_with_the_one_password_and_reads_network_articles()
    {
        const string Sql = "SELECT Slug FROM Articles WHERE Slug LIKE '%-b%' AND Visibility = 'Network' ORDER BY Slug";
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        var slug = await connection.QueryFirstAsync<string>(Sql);
        using var visitor = factory.CreateClient();
        (await visitor.GetAsync($"/kennis/{slug}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var member = SiteClient.Create(factory);
        await member.SignInOrFailAsync(DutchTextGenerator.MemberEmail(3), BulkSeedFactory.Password);

        (await member.GetAsync($"/kennis/{slug}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_second_run_refuses_in_Dutch_and_changes_nothing()
    {
        var before = await factory.CountAsync();

        var (exitCode, output) = await factory.RunAsync(BulkSeedFactory.Arguments);

        exitCode.ShouldBe(1);
        output.ShouldContain("al gevuld met seed-bulk");
        output.ShouldContain("Er is niets veranderd");
        (await factory.CountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("--articles", "veel", "--articles verwacht een geheel getal")]
    [InlineData("--members", "0", "--members verwacht een geheel getal van minstens 1")]
    [InlineData("--password", "kort", "minstens 12 tekens")]
    public async Task Bad_options_are_refused_with_a_Dutch_message(string option, string value, string message)
    {
        var (exitCode, output) = await factory.RunAsync(["seed-bulk", option, value]);

        exitCode.ShouldBe(2);
        output.ShouldContain(message);
    }

    [Fact]
    public void Generated_slugs_never_collide_with_content_slugs()
    {
        var slug = BulkSeeder.Slug("Boomveiligheid: een checklist", 17);

        slug.ShouldBe("boomveiligheid-een-checklist-b17");
        Slugs.IsValid(slug).ShouldBeTrue();
    }
}
