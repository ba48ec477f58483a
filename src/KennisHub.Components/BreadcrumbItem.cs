namespace KennisHub.Components;

/// <summary>One step in <see cref="Breadcrumbs"/>: its visible text and where it leads.</summary>
public sealed record BreadcrumbItem(string Text, string Href);
