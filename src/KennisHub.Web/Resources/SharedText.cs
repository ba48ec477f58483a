namespace KennisHub.Web.Resources;

/// <summary>Marker for the text every page shares (layout, navigation, footer, error pages).</summary>
public sealed class SharedText;
