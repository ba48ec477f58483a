using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Infrastructure;

/// <summary>
/// nl-NL first, English second. UI text lives in resource files: per feature a marker class in Resources/
/// (e.g. <c>SharedText</c>) with <c>SharedText.resx</c> (Dutch, the neutral culture) and <c>SharedText.en.resx</c>.
/// The culture comes from the cookie set by /taal, else from ?culture=, else from the browser's Accept-Language,
/// else nl-NL; it drives text, dates, numbers and sort order (<see cref="SortComparer"/>). Model-binding and
/// DataAnnotations messages come from <c>ValidationText</c>, so no English leaks into a Dutch form.
/// </summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("nl-NL"), new("en")];

    /// <summary>Sorts names the way the reader's language does (ĳ, accents, case), for lists sorted in memory.</summary>
    public static StringComparer SortComparer => StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase);

    public static WebApplicationBuilder AddKennisHubLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("nl-NL");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The user's choice (cookie from /taal) wins; then ?culture=en in a shared link (or a test); then the browser.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new QueryStringRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        IStringLocalizer? annotationText = null;
        builder.Services.AddRazorPages()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => annotationText ??= ResourceChain.Create(factory));
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var text = factory.Create(typeof(ValidationText));
            UseLocalizedBindingMessages(options, text);
            options.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages(text));
        });
        return builder;
    }

    public static WebApplication UseKennisHubLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>The cookie value /taal writes for a supported culture name ("nl-NL" or "en").</summary>
    public static string CookieValueFor(CultureInfo culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture));

    /// <summary>The supported culture with this name (case-insensitive), or null: only these may be chosen.</summary>
    public static CultureInfo? FindSupported(string? name) =>
        SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void UseLocalizedBindingMessages(MvcOptions options, IStringLocalizer text)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetMissingBindRequiredValueAccessor(name => text["Binding_MissingBindRequiredValue", name]);
        messages.SetMissingKeyOrValueAccessor(() => text["Binding_MissingKeyOrValue"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding_MissingRequestBodyRequiredValue"]);
        messages.SetValueMustNotBeNullAccessor(value => text["Binding_ValueMustNotBeNull", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, name) => text["Binding_AttemptedValueIsInvalid", value, name]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding_NonPropertyAttemptedValueIsInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(name => text["Binding_UnknownValueIsInvalid", name]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding_NonPropertyUnknownValueIsInvalid"]);
        messages.SetValueIsInvalidAccessor(value => text["Binding_ValueIsInvalid", value]);
        messages.SetValueMustBeANumberAccessor(name => text["Binding_ValueMustBeANumber", name]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding_NonPropertyValueMustBeANumber"]);
    }

    /// <summary>
    /// The localizer for [Display(Name = "...")] and ErrorMessage keys: ValidationText first, then every other
    /// <c>*Text</c> resource in Resources/ (AccountText, ...), so a feature keeps its field names and messages in its
    /// own resource file. A string that is no key anywhere is shown as written.
    /// </summary>
    private sealed class ResourceChain(IReadOnlyList<IStringLocalizer> chain) : IStringLocalizer
    {
        public static ResourceChain Create(IStringLocalizerFactory factory) => new(
            [.. typeof(ValidationText).Assembly.GetTypes()
                .Where(type => type.Namespace == typeof(ValidationText).Namespace && type.Name.EndsWith("Text", StringComparison.Ordinal))
                .OrderBy(type => type == typeof(ValidationText) ? 0 : 1)
                .ThenBy(type => type.Name, StringComparer.Ordinal)
                .Select(factory.Create)]);

        public LocalizedString this[string name] => Find(name) ?? new LocalizedString(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var found = Find(name);
                var format = found?.Value ?? name;
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), resourceNotFound: found is null);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            chain.SelectMany(localizer => localizer.GetAllStrings(includeParentCultures));

        private LocalizedString? Find(string name) =>
            chain.Select(localizer => localizer[name]).FirstOrDefault(text => !text.ResourceNotFound);
    }

    /// <summary>
    /// Gives every DataAnnotations attribute without its own message a key in ValidationText ("Validation_Required",
    /// ...), which the DataAnnotations localizer then translates; a page never writes ErrorMessage for the usual rules.
    /// </summary>
    private sealed class DefaultValidationMessages(IStringLocalizer text) : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (!HasDefaultMessage(attribute))
                {
                    continue;
                }

                var key = KeyFor(attribute);
                if (key is not null && !text[key].ResourceNotFound)
                {
                    attribute.ErrorMessage = key;
                }
            }
        }

        /// <summary>
        /// True when the page gave no message of its own. [EmailAddress], [Phone] and [Url] report their built-in
        /// English text as ErrorMessage, so a fresh instance tells the default apart from a chosen one.
        /// </summary>
        private static bool HasDefaultMessage(ValidationAttribute attribute)
        {
            if (attribute.ErrorMessageResourceName is not null || attribute.ErrorMessageResourceType is not null)
            {
                return false;
            }

            if (attribute.ErrorMessage is null)
            {
                return true;
            }

            var constructor = attribute.GetType().GetConstructor(Type.EmptyTypes);
            return constructor?.Invoke(null) is ValidationAttribute fresh && fresh.ErrorMessage == attribute.ErrorMessage;
        }

        private static string? KeyFor(ValidationAttribute attribute) => attribute switch
        {
            StringLengthAttribute { MinimumLength: > 0 } => "Validation_StringLengthIncludingMinimum",
            _ => "Validation_" + attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal),
        };
    }
}
