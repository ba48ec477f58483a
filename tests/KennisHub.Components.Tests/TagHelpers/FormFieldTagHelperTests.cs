using System.ComponentModel.DataAnnotations;
using KennisHub.Components.Resources;
using KennisHub.Components.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace KennisHub.Components.Tests.TagHelpers;

public sealed class FormFieldTagHelperTests
{
    public sealed class SignUp
    {
        [Required]
        [Display(Name = "E-mailadres")]
        public string? Email { get; set; }

        [Display(Name = "Wachtwoord")]
        public string? Password { get; set; }

        [Display(Name = "Toelichting")]
        public string? Note { get; set; }

        [Display(Name = "Van")]
        public DateOnly? From { get; set; }
    }

    private readonly TagHelperHarness<SignUp> harness = new(new SignUp { Email = "jan@kampen.nl" });

    private FormFieldTagHelper Field<TValue>(System.Linq.Expressions.Expression<Func<SignUp, TValue>> property) =>
        new(harness.Get<IHtmlGenerator>(), harness.Get<IStringLocalizer<ComponentText>>())
        {
            For = harness.For(property),
            ViewContext = harness.ViewContext,
        };

    [Fact]
    public void A_field_bound_under_another_name_uses_that_name_for_its_input_error_and_summary_link()
    {
        harness.ModelState.AddModelError("van", "De begindatum ligt na de einddatum.");
        var helper = Field(m => m.From);
        helper.Name = "van";
        helper.Type = "date";

        var field = TagHelperHarness<SignUp>.Run(helper, "kh-form-field")!;

        var input = field.QuerySelector("input")!;
        input.Id.ShouldBe("van");
        input.GetAttribute("name").ShouldBe("van");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        input.GetAttribute("aria-describedby").ShouldBe("van-error");
        field.QuerySelector("label")!.GetAttribute("for").ShouldBe("van");
        field.QuerySelector("#van-error")!.TextContent.ShouldEndWith("De begindatum ligt na de einddatum.");
    }

    [Fact]
    public void A_date_field_writes_its_value_as_an_iso_date_whatever_the_culture()
    {
        var dated = new TagHelperHarness<SignUp>(new SignUp { From = new DateOnly(2026, 11, 4) });
        var helper = new FormFieldTagHelper(dated.Get<IHtmlGenerator>(), dated.Get<IStringLocalizer<ComponentText>>())
        {
            For = dated.For(m => m.From),
            ViewContext = dated.ViewContext,
            Type = "date",
        };

        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            TagHelperHarness<SignUp>.Run(helper, "kh-form-field")!.QuerySelector("input")!.GetAttribute("value").ShouldBe("2026-11-04");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_label_names_the_input_it_belongs_to()
    {
        var field = TagHelperHarness<SignUp>.Run(Field(m => m.Email), "kh-form-field")!;

        var label = field.QuerySelector("label")!;
        label.TextContent.ShouldBe("E-mailadres");
        var input = field.QuerySelector("input")!;
        label.GetAttribute("for").ShouldBe(input.Id);
        input.Id.ShouldBe("Email");
        input.GetAttribute("name").ShouldBe("Email");
        input.GetAttribute("value").ShouldBe("jan@kampen.nl");
    }

    [Fact]
    public void A_valid_field_is_not_marked_invalid_and_its_hint_describes_the_input()
    {
        var helper = Field(m => m.Email);
        helper.Hint = "Het adres waarop u mail van uw gemeente krijgt.";
        helper.Type = "email";
        helper.Autocomplete = "email";

        var input = TagHelperHarness<SignUp>.Run(helper, "kh-form-field")!.QuerySelector("input")!;

        input.HasAttribute("aria-invalid").ShouldBeFalse();
        input.GetAttribute("type").ShouldBe("email");
        input.GetAttribute("autocomplete").ShouldBe("email");
        input.GetAttribute("aria-required").ShouldBe("true");
        var hint = input.Owner!.GetElementById(input.GetAttribute("aria-describedby")!)!;
        hint.TextContent.ShouldBe("Het adres waarop u mail van uw gemeente krijgt.");
    }

    [Fact]
    public void An_invalid_field_keeps_what_was_typed_and_ties_its_error_to_the_input()
    {
        harness.ModelState.SetModelValue("Email", "jan@", "jan@");
        harness.ModelState.AddModelError("Email", "Vul bij E-mailadres een geldig e-mailadres in.");
        var helper = Field(m => m.Email);
        helper.Hint = "Bijvoorbeeld naam@gemeente.nl";

        var field = TagHelperHarness<SignUp>.Run(helper, "kh-form-field")!;

        var input = field.QuerySelector("input")!;
        input.GetAttribute("value").ShouldBe("jan@");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        var describedBy = input.GetAttribute("aria-describedby")!.Split(' ');
        describedBy.ShouldBe(["Email-hint", "Email-error"]);
        var error = field.QuerySelector("#Email-error")!;
        error.TextContent.ShouldBe("Fout: Vul bij E-mailadres een geldig e-mailadres in.");
        field.ClassList.ShouldContain("utrecht-form-field--invalid");
    }

    [Fact]
    public void A_password_is_never_written_back_into_the_page()
    {
        harness.ModelState.SetModelValue("Password", "geheim123", "geheim123");
        harness.ModelState.AddModelError("Password", "Wachtwoord is te kort.");
        var helper = Field(m => m.Password);
        helper.Type = "password";

        var input = TagHelperHarness<SignUp>.Run(helper, "kh-form-field")!.QuerySelector("input")!;

        input.GetAttribute("type").ShouldBe("password");
        input.HasAttribute("value").ShouldBeFalse();
        input.GetAttribute("aria-invalid").ShouldBe("true");
    }

    [Fact]
    public void Rows_make_a_textarea_and_optional_fields_say_so_in_the_label()
    {
        var helper = Field(m => m.Note);
        helper.Rows = 6;
        helper.Optional = true;

        var field = TagHelperHarness<SignUp>.Run(helper, "kh-form-field")!;

        field.QuerySelector("textarea")!.GetAttribute("rows").ShouldBe("6");
        field.QuerySelector("label")!.TextContent.ShouldBe("Toelichting (niet verplicht)");
    }
}
