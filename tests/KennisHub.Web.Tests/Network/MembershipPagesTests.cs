using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dapper;
using KennisHub.Core.Identity;
using KennisHub.Core.Organisations;
using KennisHub.Tests.Shared;
using KennisHub.Web.Tests.Account;
using KennisHub.Web.Tests.Infrastructure;
using KennisHub.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Network;

/// <summary>
/// Memberships over HTTP, as people use them: request with a motivation, decide as contact person, mandates, the
/// organisation's profile, people's names only for members, and the attack corpus through every new field. Every post
/// goes through the real form with its antiforgery token.
/// </summary>
public sealed partial class MembershipPagesTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    private const string Kampen = "gemeente-kampen";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_requests_membership_the_contact_person_approves_and_the_member_sees_the_outcome()
    {
        var (contact, _) = await ContactPersonAsync(Kampen);
        var (requester, requesterId) = await MemberAsync("Anna Aanvrager");

        using (var empty = await requester.SubmitAsync($"/organisaties/{Kampen}/lid-worden", new Dictionary<string, string> { ["Motivation"] = "  " }))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await SiteClient.ParseAsync(empty)).QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("Vul een motivatie in.");
        }

        var tooLong = new string('m', MembershipLimits.Motivation + 1);
        using (var kept = await requester.SubmitAsync($"/organisaties/{Kampen}/lid-worden", new Dictionary<string, string> { ["Motivation"] = tooLong }))
        {
            var page = await SiteClient.ParseAsync(kept);
            page.QuerySelector("textarea[name=Motivation]")!.TextContent.Trim().ShouldBe(tooLong);
            page.QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("ten hoogste 2000 tekens");
        }

        using (var sent = await requester.SubmitAsync($"/organisaties/{Kampen}/lid-worden", new Dictionary<string, string> { ["Motivation"] = "Ik ben wijkbeheerder in Kampen." }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            sent.Headers.Location!.OriginalString.ShouldBe("/account/lidmaatschappen?melding=aangevraagd");
        }

        (await requester.GetPageAsync("/account/lidmaatschappen")).QuerySelector("main table")!.TextContent.ShouldContain("Aangevraagd");

        var manage = await contact.GetPageAsync($"/organisaties/{Kampen}/beheren");
        var request = RequestForm(manage, requesterId);
        manage.QuerySelector("main")!.TextContent.ShouldContain("Ik ben wijkbeheerder in Kampen.");

        using (var refusedWithoutReason = await PostAsync(contact, request, "Afwijzen", new() { ["Reden"] = "" }))
        {
            refusedWithoutReason.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await SiteClient.ParseAsync(refusedWithoutReason)).QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("Vul een reden in");
        }

        using (var approved = await PostAsync(contact, RequestForm(await contact.GetPageAsync($"/organisaties/{Kampen}/beheren"), requesterId), "Goedkeuren", new() { ["Reden"] = "Welkom in het team" }))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var mine = await requester.GetPageAsync("/account/lidmaatschappen");
        mine.QuerySelector("main table")!.TextContent.ShouldContain("Goedgekeurd");
        mine.QuerySelector("main table")!.TextContent.ShouldContain("Welkom in het team");
        var profileLink = mine.QuerySelector("main a[href^='/mensen/']")!.GetAttribute("href")!;
        (await requester.GetPageAsync(profileLink)).QuerySelector("main")!.TextContent.ShouldContain("Kampen");

        await using var connection = await factory.CreateDb().OpenAsync(Ct);
        var audit = await connection.QueryFirstAsync<(string OldValue, string NewValue)>(
            "SELECT OldValue, NewValue FROM AuditLog WHERE Action = 'membership.approved' AND NewValue LIKE @Like",
            new { Like = "%" + requesterId + "%" });
        audit.OldValue.ShouldContain("\"Status\":\"Requested\"");
        audit.NewValue.ShouldContain("\"Status\":\"Approved\"");
    }

    [Fact]
    public async Task A_contact_person_of_another_organisation_is_refused_and_ids_from_another_organisation_change_nothing()
    {
        var (kampenContact, _) = await ContactPersonAsync(Kampen);
        var (otherContact, otherContactId) = await ContactPersonAsync("proef-netwerk");
        var (requester, requesterId) = await MemberAsync("Bert Buiten");
        (await requester.SubmitAsync($"/organisaties/{Kampen}/lid-worden", new Dictionary<string, string> { ["Motivation"] = "Graag" })).Dispose();

        // The other organisation's contact person, with a valid token and the right member id: 403 on every handler.
        var token = (await otherContact.GetPageAsync("/account/lidmaatschappen")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Goedkeuren", "Afwijzen", "Functie", "Contactpersoon", "ContactpersoonAf", "Beeindigen", "Mandaat", "Terugtreden" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Lid"] = requesterId.ToString(), ["Reden"] = "Overname", ["Soort"] = "Mayor",
            });
            using var response = await otherContact.Http.PostAsync($"/organisaties/{Kampen}/beheren?handler={handler}", content, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, handler);
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang", handler);
        }

        (await otherContact.GetAsync($"/organisaties/{Kampen}/beheren")).Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");
        (await otherContact.GetAsync($"/organisaties/{Kampen}/profiel")).Headers.Location!.AbsolutePath.ShouldBe("/account/geen-toegang");

        // Kampen's contact person naming the other organisation's contact person: nothing happens to them.
        var kampenToken = (await kampenContact.GetPageAsync($"/organisaties/{Kampen}/beheren")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Functie", "ContactpersoonAf", "Beeindigen", "Mandaat" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = kampenToken, ["Lid"] = otherContactId.ToString(), ["Functie"] = "Overgenomen", ["Soort"] = "Mayor",
            });
            using var response = await kampenContact.Http.PostAsync($"/organisaties/{Kampen}/beheren?handler={handler}", content, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var mine = await scope.ServiceProvider.GetRequiredService<MembershipQueries>().ForUserAsync(otherContactId, Ct);
        var membership = mine.ShouldHaveSingleItem();
        membership.Status.ShouldBe(MembershipStatus.Approved);
        membership.IsContactPerson.ShouldBeTrue();
        membership.JobTitle.ShouldBeNull();
        (await scope.ServiceProvider.GetRequiredService<MembershipQueries>().ForUserAsync(requesterId, Ct)).ShouldHaveSingleItem().Status.ShouldBe(MembershipStatus.Requested);
    }

    [Fact]
    public async Task A_mandate_with_an_end_date_in_the_past_is_refused_in_Dutch_with_everything_typed_kept_and_a_valid_one_is_listed()
    {
        var (contact, contactId) = await ContactPersonAsync(Kampen);
        var form = (await contact.GetPageAsync($"/organisaties/{Kampen}/beheren")).QuerySelector("form[action*='handler=Mandaat']")!;

        using (var past = await contact.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Lid"] = contactId.ToString(), ["Soort"] = "Alderman", ["Begin"] = "2020-01-01", ["Einde"] = "2021-06-30",
        }, $"/organisaties/{Kampen}/beheren"))
        {
            past.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SiteClient.ParseAsync(past);
            page.QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("De einddatum mag niet in het verleden liggen.");
            page.QuerySelector("#Einde")!.GetAttribute("value").ShouldBe("2021-06-30");
            page.QuerySelector("#Begin")!.GetAttribute("value").ShouldBe("2020-01-01");
            page.QuerySelector("#Soort option[selected]")!.GetAttribute("value").ShouldBe("Alderman");
        }

        var end = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var valid = await contact.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Lid"] = contactId.ToString(), ["Soort"] = "Delegated", ["Einde"] = end,
        }, $"/organisaties/{Kampen}/beheren"))
        {
            valid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().FindBySlugAsync(Kampen, Ct);
        var mandate = await scope.ServiceProvider.GetRequiredService<MembershipQueries>().ValidMandateAsync(contactId, organisation!.Id, DateTimeOffset.UtcNow, Ct);
        mandate.ShouldNotBeNull().Kind.ShouldBe(MandateKind.Delegated);
        (await contact.GetPageAsync($"/organisaties/{Kampen}/beheren")).QuerySelector("section[aria-labelledby=mandaten] table")!.TextContent.ShouldContain("Ambtelijk gemandateerd");
    }

    [Fact]
    public async Task Visitors_never_see_peoples_names_and_members_do()
    {
        var (_, _) = await ContactPersonAsync(Kampen, "Zichtbaar Voor Leden");
        using var visitor = SiteClient.Create(factory);
        (await visitor.GetPageAsync($"/organisaties/{Kampen}")).QuerySelector("main")!.TextContent.ShouldNotContain("Zichtbaar Voor Leden");
        (await visitor.GetAsync("/mensen/zichtbaar-voor-leden")).Headers.Location!.AbsolutePath.ShouldBe("/account/inloggen");

        var (member, _) = await MemberAsync("Lezend Lid");
        (await member.GetPageAsync($"/organisaties/{Kampen}")).QuerySelector("main")!.TextContent.ShouldContain("Zichtbaar Voor Leden");
    }

    [Fact]
    public async Task The_profile_refuses_an_unsafe_website_keeping_the_text_and_saves_the_description_through_the_pipeline()
    {
        var (contact, _) = await ContactPersonAsync(Kampen);
        var fields = new Dictionary<string, string>
        {
            ["Input.Description"] = "## Beheer in Kampen\n\n[klik](javascript:alert(1)) en **groen**",
            ["Input.Website"] = "javascript:alert(1)",
            ["Input.Place"] = "Kampen",
        };
        using (var refused = await contact.SubmitAsync($"/organisaties/{Kampen}/profiel", fields))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await SiteClient.ParseAsync(refused);
            page.QuerySelector(".kh-error-summary")!.TextContent.ShouldContain("Vul een geldig webadres in");
            page.QuerySelector("textarea[name='Input.Description']")!.TextContent.ShouldContain("## Beheer in Kampen");
            page.QuerySelector("input[name='Input.Place']")!.GetAttribute("value").ShouldBe("Kampen");
        }

        fields["Input.Website"] = "https://www.kampen.nl/beheer";
        using (var saved = await contact.SubmitAsync($"/organisaties/{Kampen}/profiel", fields))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var details = await contact.GetPageAsync($"/organisaties/{Kampen}");
        details.QuerySelector("main .utrecht-html strong")!.TextContent.ShouldBe("groen");
        details.QuerySelectorAll("main a").ShouldNotContain(a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        details.QuerySelector("main a[href='https://www.kampen.nl/beheer']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_new_field_shows_the_attack_corpus_as_text()
    {
        var (contact, _) = await ContactPersonAsync(Kampen);
        var (requester, requesterId) = await MemberAsync("Aanval Aanvrager");
        var scripts = (await contact.GetPageAsync("/")).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToHashSet();
        var failures = new List<string>();
        foreach (var attack in AttackCorpus.All.Where(a => a.Trim().Length is > 0 and <= MembershipLimits.JobTitle))
        {
            (await requester.SubmitAsync($"/organisaties/{Kampen}/lid-worden", new Dictionary<string, string> { ["Motivation"] = attack })).Dispose();
            var manage = await contact.GetPageAsync($"/organisaties/{Kampen}/beheren");
            Check(manage, attack, "motivatie");
            (await PostAsync(contact, RequestForm(manage, requesterId), "Afwijzen", new() { ["Reden"] = attack })).Dispose();
            Check(await requester.GetPageAsync("/account/lidmaatschappen"), attack, "reden");
        }

        (await requester.SubmitAsync($"/organisaties/{Kampen}/lid-worden", new Dictionary<string, string> { ["Motivation"] = "Nu echt" })).Dispose();
        (await PostAsync(contact, RequestForm(await contact.GetPageAsync($"/organisaties/{Kampen}/beheren"), requesterId), "Goedkeuren", new())).Dispose();
        foreach (var attack in AttackCorpus.All.Where(a => a.Trim().Length is > 0 and <= MembershipLimits.JobTitle))
        {
            var form = (await contact.GetPageAsync($"/organisaties/{Kampen}/beheren")).QuerySelectorAll("form[action*='handler=Functie']")
                .First(f => f.QuerySelector("input[name=Lid]")!.GetAttribute("value") == requesterId.ToString());
            (await contact.SubmitAsync(form, new Dictionary<string, string> { ["Functie"] = attack }, $"/organisaties/{Kampen}/beheren")).Dispose();
            var slug = (await requester.GetPageAsync("/account/lidmaatschappen")).QuerySelector("main a[href^='/mensen/']")!.GetAttribute("href")!;
            Check(await contact.GetPageAsync(slug), attack, "functie op profiel");
            Check(await contact.GetPageAsync($"/organisaties/{Kampen}"), attack, "functie op organisatie");
        }

        foreach (var attack in AttackCorpus.All)
        {
            (await contact.SubmitAsync($"/organisaties/{Kampen}/profiel", new Dictionary<string, string>
            {
                ["Input.Description"] = attack, ["Input.Place"] = attack.Trim().Length <= 200 ? attack : "Kampen", ["Input.Website"] = "",
            })).Dispose();
            var page = await contact.GetPageAsync($"/organisaties/{Kampen}");
            failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"beschrijving {attack}: {p}"));
        }

        failures.ShouldBeEmpty();

        void Check(IDocument page, string attack, string where)
        {
            failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{where} {attack}: {p}"));
            if (!Normalise(page.QuerySelector("main")!.TextContent).Contains(Normalise(attack), StringComparison.Ordinal)
                && !page.QuerySelectorAll("main input, main textarea").Any(i => (i.GetAttribute("value") ?? i.TextContent).Trim() == attack.Trim()))
            {
                failures.Add($"{where} niet als tekst getoond: {attack}");
            }
        }
    }

    private static IElement RequestForm(IDocument manage, Guid userId)
        => manage.QuerySelectorAll("section[aria-labelledby=aanvragen] article form")
            .First(f => f.QuerySelector("input[name=Lid]")!.GetAttribute("value") == userId.ToString());

    /// <summary>Posts a form through one of its buttons' handlers (the buttons carry formaction).</summary>
    private static async Task<HttpResponseMessage> PostAsync(SiteClient client, IElement form, string handler, Dictionary<string, string> fields)
    {
        var values = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.QuerySelector($"button[formaction*='handler={handler}']")!.GetAttribute("formaction")!;
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(action, content, Ct);
    }

    /// <summary>A fresh approved Netwerklid, signed in.</summary>
    private async Task<(SiteClient Client, Guid Id)> MemberAsync(string name)
    {
        var email = AccountTestData.NewEmail("lid");
        var client = SiteClient.Create(factory);
        (await client.RegisterAsync(email, name: name)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (id, _, _) = await factory.UserAsync(email);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ApproveAsync(id, new Actor(Guid.NewGuid(), "Test"), Ct)).ShouldBe(AccountChange.Done);
        }

        await client.SignInOrFailAsync(email, AccountTestData.GoodPassword);
        return (client, id);
    }

    /// <summary>A fresh approved contact person of the organisation, signed in.</summary>
    private async Task<(SiteClient Client, Guid Id)> ContactPersonAsync(string organisationSlug, string name = "Contact Persoon")
    {
        var (client, id) = await MemberAsync(name);
        await using var scope = factory.Services.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().FindBySlugAsync(organisationSlug, Ct);
        var writes = scope.ServiceProvider.GetRequiredService<MembershipWrites>();
        var administrator = new Actor(Guid.NewGuid(), "Test");
        (await writes.RequestAsync(organisation!.Id, new Actor(id, name), "Test", Ct)).ShouldBe(MembershipChange.Done);
        (await writes.DecideAsync(organisation.Id, id, approve: true, null, administrator, Ct)).ShouldBe(MembershipChange.Done);
        (await writes.SetContactPersonAsync(organisation.Id, id, true, administrator, Ct)).ShouldBe(MembershipChange.Done);
        return (client, id);
    }

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
