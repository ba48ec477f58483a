namespace KennisHub.Web.Resources;

/// <summary>Marker for the text of the search: the header box and /zoeken.</summary>
public sealed class SearchText;
