using System.Text.Json;
using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Core.Tests.Content;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Organisations;

public abstract class MembershipWritesTests(DatabaseFixture database) : DatabaseTest(database)
{
    private MembershipWrites Writes => new(Db);

    private MembershipQueries Queries => new(Db);

    [Fact]
    public async Task A_request_is_approved_with_its_history_and_an_audit_line_carrying_before_and_after()
    {
        var kampen = await OrganisationAsync("gemeente-kampen");
        var contact = await ContactPersonAsync(kampen);
        var applicant = await PersonAsync("Anna de Vries");

        (await Writes.RequestAsync(kampen, applicant, "Ik werk aan het groenbeheer.", Ct)).ShouldBe(MembershipChange.Done);
        (await Writes.RequestAsync(kampen, applicant, "Nog eens", Ct)).ShouldBe(MembershipChange.AlreadyMemberOrRequested);
        (await Queries.MembersAsync(kampen, Ct)).Single(m => m.UserId == applicant.Id).Status.ShouldBe(MembershipStatus.Requested);

        (await Writes.DecideAsync(kampen, applicant.Id, approve: true, "Welkom", contact, Ct)).ShouldBe(MembershipChange.Done);
        (await Writes.DecideAsync(kampen, applicant.Id, approve: false, "Te laat", contact, Ct)).ShouldBe(MembershipChange.NothingToChange);

        var mine = (await Queries.ForUserAsync(applicant.Id, Ct)).ShouldHaveSingleItem();
        mine.Status.ShouldBe(MembershipStatus.Approved);
        mine.DecisionReason.ShouldBe("Welkom");
        mine.Motivation.ShouldBe("Ik werk aan het groenbeheer.");
        (await Queries.HistoryAsync(applicant.Id, kampen, Ct)).Select(e => (e.Status, e.Note, e.ActorName))
            .ShouldBe([(MembershipStatus.Requested, "Ik werk aan het groenbeheer.", applicant.Name), (MembershipStatus.Approved, "Welkom", contact.Name)]);

        var audit = await AuditAsync(kampen, "membership.approved");
        audit.ActorName.ShouldBe(contact.Name);
        JsonDocument.Parse(audit.OldValue!).RootElement.GetProperty("Status").GetString().ShouldBe(nameof(MembershipStatus.Requested));
        JsonDocument.Parse(audit.NewValue!).RootElement.GetProperty("Status").GetString().ShouldBe(nameof(MembershipStatus.Approved));

        var profile = await new People(Db).FindBySlugAsync(KnowledgeFixture.NetworkMember, await new People(Db).OwnSlugAsync(applicant.Id, Ct), Ct);
        profile.ShouldNotBeNull();
        profile.Slug.ShouldStartWith("anna-de-vries");
        profile.Organisations.ShouldHaveSingleItem().Slug.ShouldStartWith("gemeente-kampen-");
    }

    [Fact]
    public async Task A_refused_person_may_ask_again_and_the_first_request_stays_in_the_history()
    {
        var kampen = await OrganisationAsync("gemeente-kampen");
        var contact = await ContactPersonAsync(kampen);
        var applicant = await PersonAsync("Bram Bakker");

        await Writes.RequestAsync(kampen, applicant, "Eerste keer", Ct);
        (await Writes.DecideAsync(kampen, applicant.Id, approve: false, "Geen medewerker van Kampen", contact, Ct)).ShouldBe(MembershipChange.Done);
        (await Writes.RequestAsync(kampen, applicant, "Nu wel in dienst", Ct)).ShouldBe(MembershipChange.Done);

        (await Queries.HistoryAsync(applicant.Id, kampen, Ct)).Select(e => e.Status)
            .ShouldBe([MembershipStatus.Requested, MembershipStatus.Refused, MembershipStatus.Requested]);
        (await Queries.ForUserAsync(applicant.Id, Ct)).ShouldHaveSingleItem().DecisionReason.ShouldBeNull();
    }

    [Fact]
    public async Task The_last_contact_person_cannot_step_down_or_leave_without_naming_another()
    {
        var kampen = await OrganisationAsync("gemeente-kampen");
        var contact = await ContactPersonAsync(kampen);
        var member = await MemberAsync(kampen, "Chris Claassen");

        (await Writes.SetContactPersonAsync(kampen, contact.Id, false, contact, Ct)).ShouldBe(MembershipChange.LastContactPerson);
        (await Writes.EndAsync(kampen, contact.Id, contact, Ct)).ShouldBe(MembershipChange.LastContactPerson);

        (await Writes.HandOverAsync(kampen, contact.Id, member.Id, contact, Ct)).ShouldBe(MembershipChange.Done);
        (await Queries.IsContactPersonAsync(member.Id, kampen, Ct)).ShouldBeTrue();
        (await Queries.IsContactPersonAsync(contact.Id, kampen, Ct)).ShouldBeFalse();
        (await Writes.EndAsync(kampen, contact.Id, contact, Ct)).ShouldBe(MembershipChange.Done);
        (await Queries.ForUserAsync(contact.Id, Ct)).ShouldHaveSingleItem().Status.ShouldBe(MembershipStatus.Ended);
    }

    [Fact]
    public async Task A_mandate_is_valid_from_its_start_until_its_end_and_ends_when_the_person_leaves()
    {
        var kampen = await OrganisationAsync("gemeente-kampen");
        var contact = await ContactPersonAsync(kampen);
        var alderman = await MemberAsync(kampen, "Wethouder Wit");
        var start = DateTimeOffset.UtcNow.AddDays(-1);

        (await Writes.RecordMandateAsync(kampen, alderman.Id, MandateKind.Alderman, start, DateTimeOffset.UtcNow.AddDays(-1), contact, Ct)).ShouldBe(MembershipChange.EndInPast);
        (await Writes.RecordMandateAsync(kampen, alderman.Id, MandateKind.Alderman, start, DateTimeOffset.UtcNow.AddYears(1), contact, Ct)).ShouldBe(MembershipChange.Done);

        (await Queries.ValidMandateAsync(alderman.Id, kampen, DateTimeOffset.UtcNow, Ct)).ShouldNotBeNull().Kind.ShouldBe(MandateKind.Alderman);
        (await Queries.ValidMandateAsync(alderman.Id, kampen, start.AddDays(-1), Ct)).ShouldBeNull();
        (await Queries.ValidMandateAsync(alderman.Id, kampen, DateTimeOffset.UtcNow.AddYears(2), Ct)).ShouldBeNull();
        (await AuditAsync(kampen, "mandate.recorded")).NewValue.ShouldNotBeNull().ShouldContain("Alderman");

        (await Writes.EndAsync(kampen, alderman.Id, contact, Ct)).ShouldBe(MembershipChange.Done);
        (await Queries.ValidMandateAsync(alderman.Id, kampen, DateTimeOffset.UtcNow.AddSeconds(1), Ct)).ShouldBeNull();
        (await Queries.MandatesAsync(kampen, Ct)).ShouldHaveSingleItem().EndsAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Ids_of_another_organisations_members_change_nothing()
    {
        var kampen = await OrganisationAsync("gemeente-kampen");
        var network = await OrganisationAsync("proef-netwerk");
        var contact = await ContactPersonAsync(kampen);
        var otherMember = await MemberAsync(network, "Dirk van Dijk");
        await Writes.RecordMandateAsync(network, otherMember.Id, MandateKind.Director, DateTimeOffset.UtcNow.AddDays(-1), null, await ContactPersonAsync(network), Ct);
        var mandate = (await Queries.MandatesAsync(network, Ct)).Single();

        (await Writes.SetJobTitleAsync(kampen, otherMember.Id, "Overgenomen", contact, Ct)).ShouldBe(MembershipChange.NothingToChange);
        (await Writes.SetContactPersonAsync(kampen, otherMember.Id, true, contact, Ct)).ShouldBe(MembershipChange.NothingToChange);
        (await Writes.EndAsync(kampen, otherMember.Id, contact, Ct)).ShouldBe(MembershipChange.NothingToChange);
        (await Writes.RecordMandateAsync(kampen, otherMember.Id, MandateKind.Mayor, DateTimeOffset.UtcNow, null, contact, Ct)).ShouldBe(MembershipChange.NothingToChange);
        (await Writes.EndMandateAsync(kampen, mandate.Id, contact, Ct)).ShouldBe(MembershipChange.NothingToChange);

        (await Queries.ValidMandateAsync(otherMember.Id, network, DateTimeOffset.UtcNow, Ct)).ShouldNotBeNull();
        (await Queries.ForUserAsync(otherMember.Id, Ct)).ShouldHaveSingleItem().Status.ShouldBe(MembershipStatus.Approved);
    }

    /// <summary>A fresh organisation per test (the database is shared by the class), named after a fixture one.</summary>
    private async Task<Guid> OrganisationAsync(string slug)
    {
        const string Sql = """
            INSERT INTO Organisations (Id, Slug, Name, Kind, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt)
            VALUES (@Id, @Slug, @Slug, 'Municipality', '', '', @Now, @Now)
            """;
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, Slug = slug + "-" + id.ToString("N")[..8], Now = DateTimeOffset.UtcNow });
        return id;
    }

    private async Task<Actor> PersonAsync(string name)
    {
        const string Sql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt)
            VALUES (@Id, @UserName, @UserName, @Name, @Now)
            """;
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, UserName = "lid-" + id.ToString("N"), Name = name, Now = DateTimeOffset.UtcNow });
        return new Actor(id, name);
    }

    private async Task<Actor> MemberAsync(Guid organisationId, string name)
    {
        var person = await PersonAsync(name);
        await Writes.RequestAsync(organisationId, person, "Graag", Ct);
        (await Writes.DecideAsync(organisationId, person.Id, approve: true, null, new Actor(Guid.NewGuid(), "Beheerder"), Ct)).ShouldBe(MembershipChange.Done);
        return person;
    }

    private async Task<Actor> ContactPersonAsync(Guid organisationId)
    {
        var person = await MemberAsync(organisationId, "Contactpersoon " + Guid.NewGuid().ToString("N")[..6]);
        (await Writes.SetContactPersonAsync(organisationId, person.Id, true, new Actor(Guid.NewGuid(), "Beheerder"), Ct)).ShouldBe(MembershipChange.Done);
        return person;
    }

    private sealed record AuditRow(string ActorName, string? OldValue, string? NewValue);

    private async Task<AuditRow> AuditAsync(Guid organisationId, string action)
    {
        await using var connection = await Db.OpenAsync(Ct);
        return (await connection.QueryAsync<AuditRow>(
            "SELECT ActorName, OldValue, NewValue FROM AuditLog WHERE SubjectId = @organisationId AND Action = @action ORDER BY OccurredAt DESC",
            new { organisationId, action })).First();
    }
}

public sealed class MembershipWritesTestsOnSqlite(SqliteFixture database) : MembershipWritesTests(database), IClassFixture<SqliteFixture>;

public sealed class MembershipWritesTestsOnSqlServer(SqlServerFixture database) : MembershipWritesTests(database), IClassFixture<SqlServerFixture>;
