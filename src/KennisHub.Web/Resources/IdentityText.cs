namespace KennisHub.Web.Resources;

/// <summary>Marker for Identity's error messages (IdentityText.resx Dutch, IdentityText.en.resx English).</summary>
public sealed class IdentityText;
