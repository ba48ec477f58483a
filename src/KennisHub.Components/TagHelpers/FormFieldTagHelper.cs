using System.Globalization;
using KennisHub.Components.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace KennisHub.Components.TagHelpers;

/// <summary>
/// One form field the accessible way, in NL Design System markup: a label tied to the input, an optional hint,
/// and the field's error message right above the input, tied to it by <c>aria-describedby</c> with
/// <c>aria-invalid="true"</c>. What the user typed is kept (except passwords).
/// <code>&lt;kh-form-field asp-for="Input.Email" type="email" autocomplete="email" hint="@Text["Login_EmailHint"]" /&gt;</code>
/// The label is the property's [Display(Name = "...")] (localized) unless <c>label</c> is given.
/// </summary>
[HtmlTargetElement("kh-form-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator, IStringLocalizer<ComponentText> text) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Visible label; default: the property's display name.</summary>
    public string? Label { get; set; }

    /// <summary>A short help text under the label (format, example).</summary>
    public string? Hint { get; set; }

    /// <summary>The input type: text (default), email, password, url, tel, number, search, date.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Autocomplete token (WCAG 1.3.5), e.g. "email", "current-password", "name", "organization".</summary>
    public string? Autocomplete { get; set; }

    /// <summary>A textarea instead of an input, with this many rows.</summary>
    public int Rows { get; set; }

    /// <summary>Says "(niet verplicht)" after the label: mark the exceptions, not the rule.</summary>
    public bool Optional { get; set; }

    /// <summary>
    /// The field's name (and so its id and ModelState key) when it differs from the property's, as for
    /// <c>[BindProperty(Name = "van")]</c> query parameters; default: the property's name.
    /// </summary>
    public string? Name { get; set; }

    private string Expression => Name ?? For.Name;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Expression);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var errors = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) ? entry.Errors : null;
        var invalid = errors is { Count: > 0 };

        var input = CreateInput();
        input.AddCssClass(Rows > 0 ? "utrecht-textarea utrecht-textarea--html-textarea" : "utrecht-textbox utrecht-textbox--html-input");
        if (invalid)
        {
            input.AddCssClass(Rows > 0 ? "utrecht-textarea--invalid" : "utrecht-textbox--invalid");
            input.Attributes["aria-invalid"] = "true";
        }

        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, invalid ? errorId : null }.Where(s => s is not null));
        if (describedBy.Length > 0)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (For.Metadata.IsRequired && !Optional)
        {
            input.Attributes["aria-required"] = "true";
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--text kh-form-field" + (invalid ? " utrecht-form-field--invalid" : ""));

        var label = new TagBuilder("label");
        label.AddCssClass("utrecht-form-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label ?? For.Metadata.GetDisplayName());
        if (Optional)
        {
            label.InnerHtml.Append(" " + text["FormField_Optional"]);
        }

        var content = output.Content;
        content.AppendHtml("<div class=\"utrecht-form-field__label\">").AppendHtml(label).AppendHtml("</div>");
        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("utrecht-form-field__description utrecht-form-field-description");
            hint.Attributes["id"] = hintId;
            hint.InnerHtml.Append(Hint);
            content.AppendHtml(hint);
        }

        if (invalid)
        {
            var error = new TagBuilder("div");
            error.AddCssClass("utrecht-form-field__error-message utrecht-form-field-error-message");
            error.Attributes["id"] = errorId;
            error.InnerHtml.AppendHtml("<span class=\"kh-visually-hidden\">")
                .Append(text["FormField_ErrorPrefix"] + " ")
                .AppendHtml("</span>")
                .Append(string.Join(' ', errors!.Select(e => e.ErrorMessage)));
            content.AppendHtml(error);
        }

        content.AppendHtml("<div class=\"utrecht-form-field__input\">").AppendHtml(input).AppendHtml("</div>");
    }

    private TagBuilder CreateInput()
    {
        if (Rows > 0)
        {
            return generator.GenerateTextArea(ViewContext, For.ModelExplorer, Expression, Rows, columns: 0, htmlAttributes: null);
        }

        if (string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase))
        {
            // Never echo a password back into the page.
            return generator.GeneratePassword(ViewContext, For.ModelExplorer, Expression, value: null, htmlAttributes: null);
        }

        var type = Type.ToLower(CultureInfo.InvariantCulture);

        // A date input only understands ISO dates, whatever the page's culture.
        var format = type == "date" ? "{0:yyyy-MM-dd}" : null;
        var input = generator.GenerateTextBox(ViewContext, For.ModelExplorer, Expression, For.Model, format, htmlAttributes: null);
        input.Attributes["type"] = type;
        return input;
    }
}
