using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Tests.Localization;

/// <summary>
/// No English leaks into a Dutch form: model-binding messages and the default DataAnnotations messages come
/// from ValidationText, in the reader's language, through the site's real MVC services.
/// </summary>
public sealed class ValidationMessageTests(KennisHubFactory factory) : IClassFixture<KennisHubFactory>
{
    public sealed class Registration
    {
        [Required]
        [Display(Name = "E-mailadres")]
        [EmailAddress]
        public string? Email { get; set; }

        [Required]
        [StringLength(100, MinimumLength = 12)]
        [Display(Name = "Wachtwoord")]
        public string? Password { get; set; }

        [Range(1, 10)]
        [Display(Name = "Aantal")]
        public int Count { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Naam")]
        public string? Name { get; set; }
    }

    public sealed class Search
    {
        // Keys from SharedText, not ValidationText: a feature keeps its own field names and messages.
        [Required(ErrorMessage = "NotFound_Title")]
        [Display(Name = "Nav_Articles")]
        public string? Query { get; set; }

        [Required]
        [Display(Name = "Nav_Themes")]
        public string? Theme { get; set; }
    }

    [Theory]
    [InlineData("nl-NL", "Pagina niet gevonden", "Thema's is verplicht.")]
    [InlineData("en", "Page not found", "Themes is required.")]
    public void Field_names_and_messages_may_be_keys_in_any_resource_of_the_site(string culture, string message, string required)
    {
        using var _ = new CultureScope(culture);

        var errors = Validate(new Search());

        errors["Query"].ShouldBe([message]);
        errors["Theme"].ShouldBe([required]);
    }

    [Theory]
    [InlineData("nl-NL", "'twaalf' is geen geldige waarde voor Aantal.", "Aantal moet een getal zijn.")]
    [InlineData("en", "'twaalf' is not a valid value for Aantal.", "Aantal must be a number.")]
    public void Model_binding_messages_speak_the_reader_s_language(string culture, string invalid, string notANumber)
    {
        var messages = factory.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;
        using var _ = new CultureScope(culture);

        messages.AttemptedValueIsInvalidAccessor("twaalf", "Aantal").ShouldBe(invalid);
        messages.ValueMustBeANumberAccessor("Aantal").ShouldBe(notANumber);
    }

    [Fact]
    public void Data_annotations_without_a_message_get_the_Dutch_one()
    {
        using var _ = new CultureScope("nl-NL");

        var errors = Validate(new Registration { Email = "jan@", Password = "kort", Count = 11 });

        errors["Email"].ShouldBe(["Vul bij E-mailadres een geldig e-mailadres in, zoals naam@gemeente.nl."]);
        errors["Password"].ShouldBe(["Wachtwoord moet tussen 12 en 100 tekens lang zijn."]);
        errors["Count"].ShouldBe(["Aantal moet tussen 1 en 10 liggen."]);
        errors["Name"].ShouldBe(["Naam is verplicht."]);
    }

    [Fact]
    public void Data_annotations_speak_English_to_an_English_reader()
    {
        using var _ = new CultureScope("en");

        var errors = Validate(new Registration { Email = null, Password = "long enough password", Count = 5, Name = "Jan" });

        errors["Email"].ShouldBe(["E-mailadres is required."]);
        errors.ContainsKey("Password").ShouldBeFalse();
    }

    /// <summary>Runs MVC's own object validator (as model binding does) and returns the errors per field.</summary>
    private Dictionary<string, string[]> Validate(object model)
    {
        using var scope = factory.Services.CreateScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        scope.ServiceProvider.GetRequiredService<IObjectModelValidator>().Validate(actionContext, validationState: null, prefix: "", model);
        return actionContext.ModelState
            .Where(pair => pair.Value!.Errors.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Value!.Errors.Select(e => e.ErrorMessage).ToArray());
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
