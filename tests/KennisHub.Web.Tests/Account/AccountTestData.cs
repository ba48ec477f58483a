using Dapper;
using KennisHub.Core.Data;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Account;

/// <summary>Test-data helpers for the account pages: unique people, registering, reading the database.</summary>
internal static class AccountTestData
{
    public const string GoodPassword = "fietsen langs de IJssel in mei";

    /// <summary>A fresh address at its own domain (the per-domain registration limit counts domains).</summary>
    public static string NewEmail(string name = "persoon")
    {
        var id = Guid.NewGuid().ToString("N");
        return $"{name}-{id}@{id[..12]}.gemeente.example";
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this SiteClient client, string email, string password = GoodPassword, string name = "Anna de Vries", string? confirm = null, string organisation = "Gemeente Kampen")
        => await client.SubmitAsync("/account/registreren", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Organisation"] = organisation,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    public static async Task<(Guid Id, string ApprovalStatus, string SecurityStamp)> UserAsync(this KennisHubFactory factory, string email)
    {
        await using var connection = await factory.CreateDb().OpenAsync(TestContext.Current.CancellationToken);
        var row = await connection.QuerySingleAsync<UserRow>(
            "SELECT Id, ApprovalStatus, SecurityStamp FROM Users WHERE NormalizedEmail = @Email", new { Email = email.ToUpperInvariant() });
        return (row.Id, row.ApprovalStatus, row.SecurityStamp);
    }

    public static async Task<List<string>> RolesAsync(this KennisHubFactory factory, string email)
    {
        await using var connection = await factory.CreateDb().OpenAsync(TestContext.Current.CancellationToken);
        var roles = await connection.QueryAsync<string>("""
            SELECT r.Name FROM Roles r INNER JOIN UserRoles ur ON ur.RoleId = r.Id INNER JOIN Users u ON u.Id = ur.UserId
            WHERE u.NormalizedEmail = @Email ORDER BY r.Name
            """, new { Email = email.ToUpperInvariant() });
        return roles.ToList();
    }

    public static async Task<int> CountAsync(this KennisHubFactory factory, string sql, object parameters)
    {
        await using var connection = await factory.CreateDb().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<int>(sql, parameters);
    }

    private sealed class UserRow
    {
        public Guid Id { get; set; }

        public string ApprovalStatus { get; set; } = "";

        public string SecurityStamp { get; set; } = "";
    }
}
