using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Organisations;
using KennisHub.Core.Tests.Content;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Organisations;

public abstract class OrganisationQueriesTests(DatabaseFixture database) : DatabaseTest(database)
{
    private async Task<OrganisationQueries> QueriesAsync()
    {
        await KnowledgeFixture.ImportAsync(Db, Ct);
        return new OrganisationQueries(Db);
    }

    [Fact]
    public async Task Organisations_filter_by_kind_and_province_and_page()
    {
        var queries = await QueriesAsync();

        var municipalities = await queries.ListAsync(new OrganisationFilter(OrganisationKind.Municipality), 1, 2, Ct);
        municipalities.HasNext.ShouldBeTrue();
        municipalities.Items.Count.ShouldBe(2);
        (await queries.ListAsync(new OrganisationFilter(OrganisationKind.Municipality), 2, 2, Ct)).Items.Count.ShouldBe(1);
        municipalities.Items.ShouldAllBe(o => o.Kind == OrganisationKind.Municipality);
        municipalities.Items[0].Name.ShouldBe("'s-Gravenhage");

        var overijssel = await queries.ListAsync(new OrganisationFilter(OrganisationKind.Municipality, "Overijssel"), 1, 20, Ct);
        var kampen = overijssel.Items.ShouldHaveSingleItem();
        kampen.Slug.ShouldBe("gemeente-kampen");
        kampen.Inhabitants.ShouldBe(55000);

        var networks = await queries.ListAsync(new OrganisationFilter(OrganisationKind.Network), 1, 20, Ct);
        networks.Items.Select(o => o.Slug).ShouldBe(["proef-netwerk"]);

        (await queries.ListProvincesAsync(Ct)).ShouldBe(["Noord-Brabant", "Overijssel", "Zuid-Holland"]);
    }

    [Fact]
    public async Task An_organisation_shows_its_member_count_and_only_the_articles_the_reader_may_see()
    {
        var queries = await QueriesAsync();
        await AddMemberAsync("gemeente-kampen");

        var articles = new ArticleQueries(Db);

        var forVisitor = await queries.FindBySlugAsync("gemeente-kampen", Ct);

        forVisitor.ShouldNotBeNull();
        forVisitor.Name.ShouldBe("Kampen");
        forVisitor.CbsCode.ShouldBe("GM0166");
        forVisitor.Website.ShouldBe("https://www.kampen.nl");
        forVisitor.MemberCount.ShouldBeGreaterThanOrEqualTo(1);
        (await articles.ListForOrganisationAsync(KnowledgeFixture.Visitor, "gemeente-kampen", 1, 20, Ct)).Items.ShouldBeEmpty();
        (await articles.ListForOrganisationAsync(KnowledgeFixture.NetworkMember, "gemeente-kampen", 1, 20, Ct)).Items.Select(a => a.Slug).ShouldBe(["proef-netwerkartikel"]);
        (await queries.FindBySlugAsync("bestaat-niet", Ct)).ShouldBeNull();
    }

    private async Task AddMemberAsync(string organisationSlug)
    {
        const string UserSql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt)
            VALUES (@Id, @UserName, @UserName, 'Proef Lid', @Now)
            """;
        const string MembershipSql = """
            INSERT INTO Memberships (UserId, OrganisationId, IsContactPerson, JobTitle, CreatedAt)
            SELECT @Id, Id, 0, NULL, @Now FROM Organisations WHERE Slug = @Slug
            """;
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(UserSql, new { Id = id, UserName = "lid-" + id.ToString("N"), Now = DateTimeOffset.UtcNow });
        await connection.ExecuteAsync(MembershipSql, new { Id = id, Now = DateTimeOffset.UtcNow, Slug = organisationSlug });
    }
}

public sealed class OrganisationQueriesTestsOnSqlite(SqliteFixture database) : OrganisationQueriesTests(database), IClassFixture<SqliteFixture>;

public sealed class OrganisationQueriesTestsOnSqlServer(SqlServerFixture database) : OrganisationQueriesTests(database), IClassFixture<SqlServerFixture>;
