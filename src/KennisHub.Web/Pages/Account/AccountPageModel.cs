using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Account;

/// <summary>One form field as the view renders it: label, value kept after an error (never a password), errors.</summary>
public sealed record FormField(
    string Name,
    string Id,
    string Label,
    string Type,
    string? Value,
    string? Autocomplete,
    IReadOnlyList<string> Errors,
    string? Hint = null,
    bool Required = true);

/// <summary>The account pages' shared form helpers: fields with their errors, and the error summary above a form.</summary>
public abstract class AccountPageModel : PageModel
{
    public FormField Field(string name, string label, string type, string? value, string? autocomplete, string? hint = null, bool required = true)
        => new(name, FieldId(name), label, type, type == "password" ? null : value, autocomplete, ErrorsFor(name), hint, required);

    /// <summary>Every error on the page, linked to its field (form-level errors have no field).</summary>
    public IReadOnlyList<(string? FieldId, string Message)> ErrorSummary()
        => ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(e => (entry.Key.Length == 0 ? null : FieldId(entry.Key), e.ErrorMessage)))
            .ToList();

    protected void AddError(string field, string message) => ModelState.AddModelError(field, message);

    /// <summary>Only local paths: an open redirect would let a phishing link borrow our sign-in page.</summary>
    protected string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private List<string> ErrorsFor(string name)
        => ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    private static string FieldId(string name) => "veld-" + name.Replace('.', '-').ToLowerInvariant();
}
