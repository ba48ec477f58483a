namespace KennisHub.Web.Resources;

/// <summary>
/// Marker for validation text: model-binding messages and the default DataAnnotations messages
/// (keys <c>Validation_Required</c>, ...), wired in <c>LocalizationSetup</c>. A page's own
/// <c>ErrorMessage = "Some_Key"</c> is looked up here too.
/// </summary>
public sealed class ValidationText;
