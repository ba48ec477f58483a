using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages;

/// <summary>
/// The accessibility statement every Dutch public body must link (toegankelijkheidsverklaring). The text is in
/// AccessibilityText; the facts that change per deployment come from configuration section "Accessibility".
/// </summary>
public sealed class ToegankelijkheidModel(IConfiguration configuration, IStringLocalizer<AccessibilityText> text) : PageModel
{
    public AccessibilityStatement Statement { get; } =
        configuration.GetSection(AccessibilityStatement.SectionName).Get<AccessibilityStatement>() ?? new();

    /// <summary>"A".."E" as the register words them ("C, eerste maatregelen genomen"); anything else as written.</summary>
    public string StatusText
    {
        get
        {
            var status = Statement.Status?.Trim() ?? "";
            var localized = text["Statement_Status_" + status.ToUpperInvariant()];
            return localized.ResourceNotFound ? status : localized.Value;
        }
    }

    /// <summary>Only an absolute https link is shown: configuration is not a place to inject javascript: URLs.</summary>
    public Uri? RegisterUri =>
        Uri.TryCreate(Statement.RegisterUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;

    public void OnGet()
    {
    }
}

/// <summary>Configuration "Accessibility": the statement's status (A-E), its register link, date and contact.</summary>
public sealed class AccessibilityStatement
{
    public const string SectionName = "Accessibility";

    public string? Status { get; set; }

    public string? RegisterUrl { get; set; }

    public DateOnly? StatementDate { get; set; }

    public string? ContactEmail { get; set; }
}
