namespace KennisHub.Components.Resources;

/// <summary>Marker for the components' own text (pager, breadcrumbs, badges, form fields); pages may pass their own.</summary>
public sealed class ComponentText;
