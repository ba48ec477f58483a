using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Web.Tests.Security;

public sealed class MijnGegevensTests(TestAuthenticationFactory factory) : IClassFixture<TestAuthenticationFactory>
{
    private const string Password = "Correct-Paard-Batterij-Niet";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> SeedUserAsync()
    {
        var id = Guid.NewGuid();
        var name = "lid" + id.ToString("N")[..8];
        _ = factory.Server; // the host migrates the database when it starts
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        await connection.ExecuteAsync("""
            INSERT INTO Users (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, ApprovalStatus, CreatedAt)
            VALUES (@Id, @Name, @Name, @Email, @Email, 1, @Hash, 'stamp', 0, 0, 1, 0, 'Sanne Jansen', 'Approved', @Now)
            """, new { Id = id, Name = name, Email = name + "@example.nl", Hash = new PasswordHasher<object>().HashPassword(new object(), Password), Now = DateTimeOffset.UtcNow });
        return id;
    }

    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> PostDeleteAsync(HttpClient client, string password)
    {
        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/mijn-gegevens", Ct), Ct);
        var token = form.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = form.QuerySelector("main form[method=post]")!.GetAttribute("action")!;
        var response = await client.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Password", password)]), Ct);
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct));
    }

    [Fact]
    public async Task A_member_downloads_their_own_data_as_JSON()
    {
        var id = await SeedUserAsync();
        using var client = factory.CreateClientAs(id, "Sanne Jansen");

        using var response = await client.GetAsync("/account/mijn-gegevens?handler=Download", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("account").GetProperty("displayName").GetString().ShouldBe("Sanne Jansen");
        json.RootElement.GetProperty("account").GetProperty("id").GetGuid().ShouldBe(id);
        json.RootElement.TryGetProperty("roles", out _).ShouldBeTrue();
        json.RootElement.TryGetProperty("auditLines", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_erases_nothing_and_says_so_next_to_the_field()
    {
        var id = await SeedUserAsync();
        using var client = factory.CreateClientAs(id, "Sanne Jansen");

        var (response, page) = await PostDeleteAsync(client, "fout-wachtwoord");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#Password-error")!.LastChild!.TextContent.ShouldBe("Het wachtwoord klopt niet.");
        page.QuerySelector("#Password")!.GetAttribute("aria-describedby").ShouldBe("Password-error");
        page.QuerySelector("#Password")!.GetAttribute("value").ShouldBeNull();
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<string>("SELECT DisplayName FROM Users WHERE Id = @id", new { id })).ShouldBe("Sanne Jansen");
    }

    [Fact]
    public async Task Guessing_the_password_to_erase_waits_like_signing_in_and_erases_nothing()
    {
        var id = await SeedUserAsync();
        using var client = factory.CreateClientAs(id, "Sanne Jansen");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (failed, _) = await PostDeleteAsync(client, "fout-wachtwoord-" + attempt);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"poging {attempt}");
        }

        // The sixth try, even with the right password, is not checked.
        var (response, page) = await PostDeleteAsync(client, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.ToString().ShouldBe("30");
        page.QuerySelector("#Password-error")!.TextContent.ShouldContain("Te veel mislukte pogingen. Wacht 30 seconden");
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<string>("SELECT DisplayName FROM Users WHERE Id = @id", new { id })).ShouldBe("Sanne Jansen");
    }

    [Fact]
    public async Task The_right_password_erases_the_account_to_a_former_member()
    {
        var id = await SeedUserAsync();
        using var client = factory.CreateClientAs(id, "Sanne Jansen");

        var (response, page) = await PostDeleteAsync(client, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Uw account is verwijderd.");
        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        var row = await connection.QuerySingleAsync<(string DisplayName, string? Email, string? PasswordHash)>(
            "SELECT DisplayName, Email, PasswordHash FROM Users WHERE Id = @id", new { id });
        row.DisplayName.ShouldBe("voormalig lid");
        row.Email.ShouldBeNull();
        row.PasswordHash.ShouldBeNull();
    }

    [Fact]
    public async Task The_delete_form_without_antiforgery_token_is_refused()
    {
        var id = await SeedUserAsync();
        using var client = factory.CreateClientAs(id, "Sanne Jansen");

        using var response = await client.PostAsync("/account/mijn-gegevens?handler=Delete", new FormUrlEncodedContent([new("Password", Password)]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
