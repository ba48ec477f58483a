using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Revisions;
using KennisHub.Tests.Shared;

namespace KennisHub.Web.Tests.History;

public sealed partial class AroundTheEditorTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task A_co_author_uploads_an_image_that_the_item_lists_and_serves_inline_with_nosniff()
    {
        var (slug, author) = await ItemWithCoauthorAsync("bijlage-beeld", "Public");
        using var client = factory.CreateClientAs(author, RoleNames.NetworkMember);

        var response = await UploadAsync(client, $"/kennis/{slug}/bijlagen", "../../Foto van de berm.PNG.exe", Png, "text/html");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Parser.ParseDocument(await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct));
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("'Foto van de berm.PNG.png' is toegevoegd.");
        var link = page.QuerySelector(".kh-attachments li a")!;
        link.TextContent.ShouldBe("Foto van de berm.PNG.png");
        page.QuerySelector("[role=status] code")!.TextContent.ShouldBe($"![beschrijving]({link.GetAttribute("href")})");
        (await client.GetStringAsync($"/kennis/{slug}", Ct)).ShouldContain(link.GetAttribute("href")!);

        using var visitor = factory.CreateClient();
        var served = await visitor.GetAsync(link.GetAttribute("href"), Ct);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        string.Join(";", served.Headers.GetValues("Content-Security-Policy")).ShouldContain("object-src 'none'");
        (await served.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(Png);

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'attachment.added' AND ActorId = @Id", new { Id = author })).ShouldBe(1);
    }

    [Fact]
    public async Task The_type_comes_from_the_content_not_the_name_and_files_are_downloads()
    {
        var (slug, author) = await ItemWithCoauthorAsync("bijlage-type", "Public");
        using var client = factory.CreateClientAs(author, RoleNames.NetworkMember);

        var html = await UploadAsync(client, $"/kennis/{slug}/bijlagen", "plaatje.png", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png");
        html.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var refused = Parser.ParseDocument(await html.Content.ReadAsStringAsync(Ct));
        refused.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Dit soort bestand kan niet worden toegevoegd.");
        refused.QuerySelector("#bestand")!.GetAttribute("aria-invalid").ShouldBe("true");

        var svg = await UploadAsync(client, $"/kennis/{slug}/bijlagen", "beeld.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/svg+xml");
        svg.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var pdf = await UploadAsync(client, $"/kennis/{slug}/bijlagen", "rapport.html", Pdf, "text/html");
        pdf.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var href = Parser.ParseDocument(await client.GetStringAsync($"/kennis/{slug}/bijlagen", Ct)).QuerySelector(".kh-attachments li a")!.GetAttribute("href")!;
        href.ShouldEndWith("/rapport.pdf");
        var served = await client.GetAsync(href, Ct);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        served.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("rapport.pdf");
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_a_Dutch_message_and_nothing_is_stored()
    {
        var (slug, author) = await ItemWithCoauthorAsync("bijlage-groot", "Public");
        using var client = factory.CreateClientAs(author, RoleNames.NetworkMember);
        var tooLarge = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(tooLarge, 0);

        var response = await UploadAsync(client, $"/kennis/{slug}/bijlagen", "groot.png", tooLarge, "image/png");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct)).QuerySelector("[role=alert]")!.TextContent
            .ShouldContain("Het bestand is te groot. Een bijlage is hoogstens 5 MB.");
        Parser.ParseDocument(await client.GetStringAsync($"/kennis/{slug}/bijlagen", Ct)).QuerySelector(".kh-attachments")!.TextContent.ShouldContain("Er zijn geen bijlagen.");
    }

    [Fact]
    public async Task Only_those_who_may_edit_see_the_form_and_a_hidden_items_attachment_is_404()
    {
        var (slug, author) = await ItemWithCoauthorAsync("bijlage-dicht", "Atelier");
        using var coauthor = factory.CreateClientAs(author, RoleNames.NetworkMember, RoleNames.AtelierMember);
        (await UploadAsync(coauthor, $"/kennis/{slug}/bijlagen", "a.png", Png, "image/png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var href = Parser.ParseDocument(await coauthor.GetStringAsync($"/kennis/{slug}/bijlagen", Ct)).QuerySelector(".kh-attachments li a")!.GetAttribute("href")!;

        using var otherAtelier = factory.CreateClientAs(await AddUserAsync("Ander Atelierlid"), RoleNames.NetworkMember, RoleNames.AtelierMember);
        using var member = factory.CreateClientWithRoles(RoleNames.NetworkMember);
        using var visitor = factory.CreateClient();

        Parser.ParseDocument(await otherAtelier.GetStringAsync($"/kennis/{slug}/bijlagen", Ct)).QuerySelector("form.kh-upload").ShouldBeNull();
        (await UploadAsync(otherAtelier, $"/kennis/{slug}/bijlagen", "b.png", Png, "image/png", tokenFrom: "/account/uitloggen")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherAtelier.GetAsync(href, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(href, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync(href, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync($"/kennis/{slug}/bijlagen", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_names_full_of_attacks_are_stored_and_shown_harmless()
    {
        var (slug, author) = await ItemWithCoauthorAsync("bijlage-aanval", "Public");
        using var client = factory.CreateClientAs(author, RoleNames.NetworkMember);
        foreach (var attack in AttackCorpus.All)
        {
            (await UploadAsync(client, $"/kennis/{slug}/bijlagen", attack.Replace("\n", " ", StringComparison.Ordinal) + ".png", Png, "image/png")).StatusCode.ShouldBe(HttpStatusCode.Redirect, attack);
        }

        var failures = new List<string>();
        foreach (var path in new[] { $"/kennis/{slug}/bijlagen", $"/kennis/{slug}" })
        {
            var page = Parser.ParseDocument(await client.GetStringAsync(path, Ct));
            failures.AddRange(HtmlSafety.Problems(page.DocumentElement, page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet()).Select(p => $"{path}: {p}"));
            page.QuerySelectorAll(".kh-attachments li a").Select(a => a.TextContent).ShouldAllBe(name => SafeName().IsMatch(name), path);
        }

        failures.ShouldBeEmpty();
    }

    private async Task<(string Slug, Guid Author)> ItemWithCoauthorAsync(string slug, string visibility)
    {
        var id = await AddItemAsync(SubjectKinds.Article, slug, visibility, ("Met bijlagen", "Tekst.", ""));
        var author = await AddUserAsync("Auteur " + slug);
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "INSERT INTO Coauthors (SubjectKind, SubjectId, UserId, Status, CreatedAt) VALUES ('Article', @Id, @UserId, 'Active', @Now)",
            new { Id = id, UserId = author, Now = DateTimeOffset.UtcNow });
        return (slug, author);
    }

    private async Task<Guid> AddUserAsync(string name)
    {
        const string Sql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt)
            VALUES (@Id, @UserName, @NormalizedUserName, @DisplayName, @CreatedAt)
            """;
        var id = Guid.NewGuid();
        var userName = "u" + id.ToString("N");
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = name, CreatedAt = DateTimeOffset.UtcNow });
        return id;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content, string contentType, string? tokenFrom = null)
    {
        var page = Parser.ParseDocument(await client.GetStringAsync(tokenFrom ?? url, Ct));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"bestand\"", FileNameStar = fileName };
        form.Add(file);
        return await client.PostAsync(url, form, Ct);
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd} ._-]+$")]
    private static partial Regex SafeName();
}
