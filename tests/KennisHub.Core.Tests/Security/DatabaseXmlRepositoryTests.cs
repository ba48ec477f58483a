using System.Xml.Linq;
using KennisHub.Core.Security;
using KennisHub.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Core.Tests.Security;

public abstract class DatabaseXmlRepositoryTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public void A_stored_key_element_reads_back_whole()
    {
        var repository = new DatabaseXmlRepository(Db);
        var name = "key-" + Guid.NewGuid();
        repository.StoreElement(new XElement("key", new XAttribute("id", name), new XElement("secret", "abc")), name);

        repository.GetAllElements().ShouldContain(e => (string?)e.Attribute("id") == name && e.Element("secret")!.Value == "abc");
    }

    [Fact]
    public void Two_key_rings_on_the_same_database_unprotect_each_others_payloads()
    {
        var first = Protector();
        var protectedText = first.Protect("geheim");

        Protector().Unprotect(protectedText).ShouldBe("geheim");
    }

    private IDataProtector Protector()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("KennisHub");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new DatabaseXmlRepository(Db));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }
}

public sealed class DatabaseXmlRepositoryTestsOnSqlite(SqliteFixture database) : DatabaseXmlRepositoryTests(database), IClassFixture<SqliteFixture>;

public sealed class DatabaseXmlRepositoryTestsOnSqlServer(SqlServerFixture database) : DatabaseXmlRepositoryTests(database), IClassFixture<SqlServerFixture>;
