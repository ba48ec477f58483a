namespace KennisHub.Web.Resources;

/// <summary>Marker for the accessibility statement (/toegankelijkheid).</summary>
public sealed class AccessibilityText;
