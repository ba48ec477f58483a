namespace KennisHub.Web.Resources;

/// <summary>Marker for the text of the editors: new and edit pages of articles and themes, preview, conflicts, restore.</summary>
public sealed class EditingText;
