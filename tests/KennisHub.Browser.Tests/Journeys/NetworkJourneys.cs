using KennisHub.Browser.Tests.Infrastructure;
using KennisHub.Core.Identity;
using KennisHub.Core.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>
/// Memberships in the browser, by labels, in both languages: a member asks to join Kampen (forgetting the motivation
/// first), Kampen's contact person approves with a reason and records a mandate (first with an end date in the past).
/// Every state is axe-checked. Fresh accounts, so no demo account changes.
/// </summary>
public abstract class NetworkJourneysBase(LiveSite site) : BrowserTest(site)
{
    private const string Kampen = "gemeente-kampen";

    protected abstract bool English { get; }

    private string T(string dutch, string english) => English ? english : dutch;

    [Fact]
    public async Task A_member_requests_membership_and_the_contact_person_approves_it_and_records_a_mandate()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var contact = await AccountAsync($"Contact {suffix}", contactOf: Kampen);
        var requesterName = $"Aanvrager {suffix}";
        var requester = await AccountAsync(requesterName, contactOf: null);

        await SignInAsync(requester);
        await OpenAsync($"/organisaties/{Kampen}");
        await Page.GetByRole(AriaRole.Link, new() { Name = T("Lid worden van deze organisatie", "Join this organisation") }).ClickAsync();
        await Expect(Heading1).ToHaveTextAsync(T("Lid worden van Kampen", "Join Kampen"));
        await ExpectAccessibleAsync();

        var submit = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = T("Lidmaatschap aanvragen", "Request membership") });
        await submit.ClickAsync();
        var motivation = Page.GetByLabel(T("Motivatie", "Motivation"), new() { Exact = true });
        await Expect(motivation).ToHaveAttributeAsync("aria-invalid", "true");
        await ExpectAccessibleAsync();

        await motivation.FillAsync("Ik coördineer het wijkbeheer in Kampen-Zuid.");
        await submit.ClickAsync();
        await Expect(Heading1).ToHaveTextAsync(T("Mijn lidmaatschappen", "My memberships"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync(T("Aangevraagd", "Requested"));
        await ExpectAccessibleAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(contact);
        await OpenAsync($"/organisaties/{Kampen}");
        await Page.GetByRole(AriaRole.Link, new() { Name = T("Kampen beheren", "Manage Kampen") }).ClickAsync();
        await ExpectAccessibleAsync();

        var request = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = requesterName });
        await request.GetByLabel(T("Reden", "Reason"), new() { Exact = true }).FillAsync("Welkom bij Kampen");
        await request.GetByRole(AriaRole.Button, new() { Name = T("Goedkeuren", "Approve") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("De aanvraag is goedgekeurd.", "The request has been approved."));
        await ExpectAccessibleAsync();

        await Page.GetByLabel(T("Lid", "Member"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = requesterName });
        await Page.GetByLabel(T("Soort mandaat", "Kind of mandate"), new() { Exact = true }).SelectOptionAsync("Alderman");
        var end = Page.GetByLabel(T("Einddatum (niet verplicht)", "End date (optional)"), new() { Exact = true });
        await end.FillAsync("2020-12-31");
        var record = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = T("Mandaat vastleggen", "Record mandate") });
        await record.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(T("De einddatum mag niet in het verleden liggen.", "The end date must not lie in the past."));
        await Expect(Page.GetByLabel(T("Einddatum (niet verplicht)", "End date (optional)"), new() { Exact = true })).ToHaveValueAsync("2020-12-31");
        await ExpectAccessibleAsync();

        await Page.GetByLabel(T("Einddatum (niet verplicht)", "End date (optional)"), new() { Exact = true })
            .FillAsync(DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel(T("Lid", "Member"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = requesterName });
        await record.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Het mandaat is vastgelegd.", "The mandate has been recorded."));
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = T("Mandaten van Kampen", "Mandates of Kampen") })).ToContainTextAsync(requesterName);
        await ExpectAccessibleAsync();
    }

    private async Task SignInAsync(string email)
    {
        await OpenAsync("/account/inloggen");
        await Page.GetByLabel(T("E-mailadres", "Email address"), new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel(T("Wachtwoord", "Password"), new() { Exact = true }).FillAsync(LiveSite.DemoPassword);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = T("Inloggen", "Sign in") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = T("Uitloggen", "Sign out") })).ToBeVisibleAsync();
    }

    /// <summary>A fresh approved Netwerklid (the demo password), optionally contact person of an organisation.</summary>
    private async Task<string> AccountAsync(string name, string? contactOf)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@gemeente.example";
        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KennisHubUser>>();
        var user = new KennisHubUser { UserName = email, Email = email, DisplayName = name, ApprovalStatus = ApprovalStatus.Pending };
        (await users.CreateAsync(user, LiveSite.DemoPassword)).Succeeded.ShouldBeTrue();
        var administrator = new Actor(Guid.NewGuid(), "Browsertest");
        (await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ApproveAsync(user.Id, administrator, TestContext.Current.CancellationToken)).ShouldBe(AccountChange.Done);
        if (contactOf is not null)
        {
            var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().FindBySlugAsync(contactOf, TestContext.Current.CancellationToken);
            var writes = scope.ServiceProvider.GetRequiredService<MembershipWrites>();
            var ct = TestContext.Current.CancellationToken;
            await writes.RequestAsync(organisation!.Id, new Actor(user.Id, name), "Contactpersoon", ct);
            await writes.DecideAsync(organisation.Id, user.Id, approve: true, null, administrator, ct);
            (await writes.SetContactPersonAsync(organisation.Id, user.Id, true, administrator, ct)).ShouldBe(MembershipChange.Done);
        }

        return email;
    }
}

public sealed class NetworkJourneys(LiveSite site) : NetworkJourneysBase(site)
{
    protected override bool English => false;
}

public sealed class NetworkJourneysInEnglish(LiveSite site) : NetworkJourneysBase(site)
{
    protected override bool English => true;

    protected override string Locale => "en";
}
