using KennisHub.Components.Resources;
using KennisHub.Components.TagHelpers;
using Microsoft.Extensions.Localization;

namespace KennisHub.Components.Tests.TagHelpers;

public sealed class ErrorSummaryTagHelperTests
{
    public sealed class Form
    {
        public Fields Input { get; set; } = new();
    }

    public sealed class Fields
    {
        public string? Name { get; set; }

        public string? Email { get; set; }
    }

    private readonly TagHelperHarness<Form> harness = new(new Form());

    private ErrorSummaryTagHelper Summary() =>
        new(harness.Get<IStringLocalizer<ComponentText>>()) { ViewContext = harness.ViewContext };

    [Fact]
    public void A_valid_form_has_no_error_summary()
    {
        TagHelperHarness<Form>.Run(Summary(), "kh-error-summary").ShouldBeNull();
    }

    [Fact]
    public void Every_error_is_a_link_to_its_field_in_form_order_under_a_heading_that_names_the_summary()
    {
        harness.ModelState.AddModelError("Input.Email", "Vul bij E-mailadres een geldig e-mailadres in.");
        harness.ModelState.AddModelError("Input.Name", "Naam is verplicht.");

        var summary = TagHelperHarness<Form>.Run(Summary(), "kh-error-summary")!;

        var heading = summary.QuerySelector("h2")!;
        heading.TextContent.ShouldBe("Niet alles is goed ingevuld");
        summary.GetAttribute("aria-labelledby").ShouldBe(heading.Id);
        summary.GetAttribute("tabindex").ShouldBe("-1");
        summary.QuerySelectorAll("li a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe(
        [
            ("#Input_Name", "Naam is verplicht."),
            ("#Input_Email", "Vul bij E-mailadres een geldig e-mailadres in."),
        ]);
    }

    [Fact]
    public void An_error_about_the_whole_form_is_listed_without_a_link()
    {
        harness.ModelState.AddModelError("", "Dit standpunt is intussen door iemand anders gewijzigd.");

        var item = TagHelperHarness<Form>.Run(Summary(), "kh-error-summary")!.QuerySelector("li")!;

        item.TextContent.ShouldBe("Dit standpunt is intussen door iemand anders gewijzigd.");
        item.QuerySelector("a").ShouldBeNull();
    }
}
