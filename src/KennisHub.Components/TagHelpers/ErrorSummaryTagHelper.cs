using KennisHub.Components.Resources;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace KennisHub.Components.TagHelpers;

/// <summary>
/// The error summary at the top of a form: renders nothing when the form is valid; otherwise a titled block that
/// lists every error as a link to its field (<c>#Input_Email</c>, the id <see cref="FormFieldTagHelper"/> gives).
/// site.js moves focus to it when the page loads, so screen readers read it first.
/// <code>&lt;kh-error-summary /&gt;</code> as the first thing inside the &lt;form&gt; (or just above it).
/// </summary>
[HtmlTargetElement("kh-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<ComponentText> text) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Heading text; default "Niet alles is goed ingevuld".</summary>
    public string? Title { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ViewData.ModelState;
        var errors = modelState
            .Where(pair => pair.Value is { Errors.Count: > 0 })
            .SelectMany(pair => pair.Value!.Errors.Select(error => (Key: pair.Key, error.ErrorMessage)))
            .OrderBy(error => FormOrder(error.Key))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "kh-error-summary");
        output.Attributes.SetAttribute("aria-labelledby", "kh-error-summary-title");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-kh-error-summary", "");

        var list = new TagBuilder("ul");
        list.AddCssClass("kh-error-summary__list");
        foreach (var (key, message) in errors)
        {
            var item = new TagBuilder("li");
            if (key.Length == 0)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(key, "_");
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        var heading = new TagBuilder("h2");
        heading.AddCssClass("kh-error-summary__title");
        heading.Attributes["id"] = "kh-error-summary-title";
        heading.InnerHtml.Append(Title ?? text["ErrorSummary_Title"]);
        output.Content.AppendHtml(heading);
        var intro = new TagBuilder("p");
        intro.InnerHtml.Append(text["ErrorSummary_Intro"]);
        output.Content.AppendHtml(intro).AppendHtml(list);
    }

    /// <summary>
    /// Where a field sits in the form: ModelState lists keys in its own (alphabetical) order, the summary follows
    /// the order of the model's properties ("Input.Email" before "Input.Name" when declared so). Form-wide errors
    /// come first; keys the model does not know keep their place at the end.
    /// </summary>
    private (int Depth, long Position) FormOrder(string key)
    {
        if (key.Length == 0)
        {
            return (0, 0);
        }

        var metadata = ViewContext.ViewData.ModelMetadata;
        long position = 0;
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            var index = metadata.Properties.Select(p => p.PropertyName).ToList().IndexOf(name);
            if (index < 0)
            {
                return (2, 0);
            }

            position = (position * 1000) + index;
            metadata = metadata.Properties[index];
        }

        return (1, position);
    }
}
