using System.Xml.Linq;
using Dapper;
using KennisHub.Core.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KennisHub.Core.Security;

/// <summary>
/// The Data Protection key ring in the DataProtectionKeys table, so that every instance of the site (and every
/// restart) shares the keys that protect cookies and antiforgery tokens. Data Protection calls this synchronously.
/// </summary>
public sealed class DatabaseXmlRepository(Db db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        const string Sql = """
            SELECT Xml FROM DataProtectionKeys ORDER BY CreatedAt
            """;
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>(Sql).Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        const string Sql = """
            INSERT INTO DataProtectionKeys (FriendlyName, Xml, CreatedAt) VALUES (@FriendlyName, @Xml, @CreatedAt)
            """;
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(Sql, new
        {
            FriendlyName = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("D") : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}
