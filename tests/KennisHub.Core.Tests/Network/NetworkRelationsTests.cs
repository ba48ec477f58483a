using System.Text.Json;
using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Identity;
using KennisHub.Core.Markdown;
using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Network;

public abstract class NetworkRelationsTests(DatabaseFixture database) : DatabaseTest(database), IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", "network-" + Guid.NewGuid().ToString("N"));
    private readonly Actor beheerder = new(Guid.NewGuid(), "Beheerder Bea");

    private NetworkWrites Writes => new(Db);

    private NetworkQueries Queries => new(Db);

    [Fact]
    public async Task A_relation_is_added_and_ended_with_audit_lines_and_stays_as_history()
    {
        var network = await OrganisationAsync("netwerk", OrganisationKind.Network);
        var member = await OrganisationAsync("gemeente", OrganisationKind.Municipality);
        var since = new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);

        (await Writes.AddAsync(network, member, since, " jaarverslag 2021 ", beheerder, Ct)).ShouldBe(RelationChange.Done);
        (await Writes.AddAsync(network, member, since, null, beheerder, Ct)).ShouldBe(RelationChange.AlreadyMember);
        (await Writes.AddAsync(network, network, null, null, beheerder, Ct)).ShouldBe(RelationChange.SameOrganisation);

        var listed = (await Queries.MembersAsync(network, 1, 20, Ct)).Items.ShouldHaveSingleItem();
        (listed.Id, listed.Since, listed.Source).ShouldBe((member, since, "jaarverslag 2021"));
        (await Queries.NetworksOfAsync(member, Ct)).ShouldHaveSingleItem().Id.ShouldBe(network);

        (await Writes.EndAsync(network, member, beheerder, Ct)).ShouldBe(RelationChange.Done);
        (await Writes.EndAsync(network, member, beheerder, Ct)).ShouldBe(RelationChange.NotMember);
        (await Queries.MembersAsync(network, 1, 20, Ct)).Items.ShouldBeEmpty();
        (await Queries.NetworksOfAsync(member, Ct)).ShouldBeEmpty();

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM NetworkMemberships WHERE NetworkId = @network", new { network })).ShouldBe(1);
        var ended = await connection.QuerySingleAsync<(string ActorName, string OldValue, string NewValue)>(
            "SELECT ActorName, OldValue, NewValue FROM AuditLog WHERE SubjectId = @network AND Action = 'network.relation.ended'", new { network });
        ended.ActorName.ShouldBe(beheerder.Name);
        JsonDocument.Parse(ended.OldValue).RootElement.GetProperty("State").GetProperty("EndedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        JsonDocument.Parse(ended.NewValue).RootElement.GetProperty("State").GetProperty("EndedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditLog WHERE SubjectId = @network AND Action = 'network.relation.added' AND OldValue IS NULL", new { network })).ShouldBe(1);
    }

    [Fact]
    public async Task Members_are_listed_by_name_a_page_at_a_time()
    {
        var network = await OrganisationAsync("netwerk", OrganisationKind.Network);
        foreach (var name in new[] { "Zwolle", "Assen", "Kampen" })
        {
            await Writes.AddAsync(network, await OrganisationAsync(name, OrganisationKind.Municipality), null, null, beheerder, Ct);
        }

        var first = await Queries.MembersAsync(network, 1, 2, Ct);
        first.Items.Select(m => m.Name[..m.Name.IndexOf('-', StringComparison.Ordinal)]).ShouldBe(["Assen", "Kampen"]);
        first.HasNext.ShouldBeTrue();
        var second = await Queries.MembersAsync(network, 2, 2, Ct);
        second.Items.ShouldHaveSingleItem().Name.ShouldStartWith("Zwolle");
        second.HasNext.ShouldBeFalse();
    }

    [Fact]
    public async Task The_import_adds_relations_once_and_never_undoes_what_the_site_ended_or_added()
    {
        var slug = "proef-netwerk-" + Guid.NewGuid().ToString("N")[..8];
        var code = "GM9" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var other = "GM8" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Write("gemeenten.csv", $"cbs_code,naam,provincie,inwoners,peildatum\n{code},Proefstad {code},Drenthe,20000,2024-01-01\n{other},Proefdorp {other},Drenthe,9000,2024-01-01\n");
        Write($"organisaties/{slug}.md", $"---\nslug: {slug}\nname: Proefnetwerk {slug}\nkind: Network\n---\nTekst.\n");
        Write("netwerken.csv", $"netwerk,lid,sinds,bron\n{slug},{code},2020-01-15,jaarverslag\n{slug},{other},,\"ledenlijst, 2024\"\n");

        var first = await Importer.ImportAsync(folder, null, Ct);
        first.Errors.ShouldBeEmpty();
        var network = await IdAsync(slug);
        var members = (await Queries.MembersAsync(network, 1, 10, Ct)).Items;
        members.Select(m => (m.Name, m.Since, m.Source)).ShouldBe([
            ($"Proefdorp {other}", null, "ledenlijst, 2024"),
            ($"Proefstad {code}", new DateTimeOffset(2020, 1, 15, 0, 0, 0, TimeSpan.Zero), "jaarverslag")]);

        var again = await Importer.ImportAsync(folder, null, Ct);
        again.New.ShouldBe(0);
        again.Changed.ShouldBe(0);

        // The site ends one relation: a re-import must not bring it back.
        var city = members[1].Id;
        await Writes.EndAsync(network, city, beheerder, Ct);
        Write("netwerken.csv", $"netwerk,lid,sinds,bron\n{slug},{code},2019-01-15,jaarverslag\n{slug},{other},2022-05-01,\"ledenlijst, 2024\"\n");
        var third = await Importer.ImportAsync(folder, null, Ct);
        third.Errors.ShouldBeEmpty();
        third.Changed.ShouldBe(1);
        (await Queries.MembersAsync(network, 1, 10, Ct)).Items.ShouldHaveSingleItem().Since.ShouldBe(new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("netwerk,lid\n", "de kopregel moet 'netwerk,lid,sinds,bron' zijn")]
    [InlineData("netwerk,lid,sinds,bron\nbestaat-niet,GM0166,,bron\n", "netwerk 'bestaat-niet' bestaat niet")]
    [InlineData("netwerk,lid,sinds,bron\n{0},GM0000,,bron\n", "lid 'GM0000' bestaat niet")]
    [InlineData("netwerk,lid,sinds,bron\n{0},{0},,bron\n", "kan geen lid van zichzelf zijn")]
    [InlineData("netwerk,lid,sinds,bron\n{0},{1},1-2-2020,bron\n", "'sinds' is '1-2-2020': schrijf de datum als jjjj-mm-dd")]
    [InlineData("netwerk,lid,sinds,bron\n{0},{1},2999-01-01,bron\n", "ligt in de toekomst")]
    [InlineData("netwerk,lid,sinds,bron\n{0},{1},,\n", "'bron' ontbreekt")]
    [InlineData("netwerk,lid,sinds,bron\n{1},{0},,bron\n", "is geen netwerk of vereniging")]
    public async Task A_bad_line_of_the_relations_file_is_reported_in_Dutch_by_its_line(string csv, string expected)
    {
        var slug = "proef-netwerk-" + Guid.NewGuid().ToString("N")[..8];
        var member = "proef-lid-" + Guid.NewGuid().ToString("N")[..8];
        Write($"organisaties/{slug}.md", $"---\nslug: {slug}\nname: Proefnetwerk {slug}\nkind: Network\n---\nTekst.\n");
        Write($"organisaties/{member}.md", $"---\nslug: {member}\nname: Proeflid {member}\nkind: Consultancy\n---\nTekst.\n");
        Write("netwerken.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, csv, slug, member));

        var summary = await Importer.ImportAsync(folder, null, Ct);

        var error = summary.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(expected);
        error.Source.ShouldStartWith("netwerken.csv");
    }

    [Fact]
    public async Task A_profile_a_contact_person_saved_in_the_site_is_not_overwritten_by_a_re_import()
    {
        var slug = "proef-org-" + Guid.NewGuid().ToString("N")[..8];
        Write($"organisaties/{slug}.md", $"---\nslug: {slug}\nname: Proef\nkind: Consultancy\nwebsite: https://example.org\n---\nUit het bestand.\n");
        await Importer.ImportAsync(folder, null, Ct);
        var id = await IdAsync(slug);

        var writes = new OrganisationWrites(Db, new MarkdownRenderer());
        var profile = (await writes.FindProfileAsync(id, Ct)).ShouldNotBeNull();
        await writes.UpdateProfileAsync(id, profile with { DescriptionMarkdown = "In de site geschreven.", Website = "https://example.net" }, beheerder, Ct);

        Write($"organisaties/{slug}.md", $"---\nslug: {slug}\nname: Proef B.V.\nkind: Consultancy\nwebsite: https://example.org\n---\nNieuwe tekst in het bestand.\n");
        var summary = await Importer.ImportAsync(folder, null, Ct);

        summary.Errors.ShouldBeEmpty();
        var after = (await writes.FindProfileAsync(id, Ct)).ShouldNotBeNull();
        (after.DescriptionMarkdown, after.Website).ShouldBe(("In de site geschreven.", "https://example.net"));
        await using var connection = await Db.OpenAsync(Ct);
        (await connection.ExecuteScalarAsync<string>("SELECT Name FROM Organisations WHERE Id = @id", new { id })).ShouldBe("Proef B.V.");
    }

    private ContentImporter Importer => new(Db, new MarkdownRenderer());

    private async Task<Guid> IdAsync(string slug)
    {
        await using var connection = await Db.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<Guid>("SELECT Id FROM Organisations WHERE Slug = @slug", new { slug });
    }

    private async Task<Guid> OrganisationAsync(string name, OrganisationKind kind)
    {
        const string Sql = """
            INSERT INTO Organisations (Id, Slug, Name, Kind, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Name, @Kind, '', '', @Now, @Now)
            """;
        var id = Guid.NewGuid();
        var suffix = id.ToString("N")[..8];
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, Slug = "proef-" + suffix, Name = name + "-" + suffix, Kind = kind.ToString(), Now = DateTimeOffset.UtcNow });
        return id;
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class NetworkRelationsTestsOnSqlite(SqliteFixture database) : NetworkRelationsTests(database), IClassFixture<SqliteFixture>;

public sealed class NetworkRelationsTestsOnSqlServer(SqlServerFixture database) : NetworkRelationsTests(database), IClassFixture<SqlServerFixture>;
