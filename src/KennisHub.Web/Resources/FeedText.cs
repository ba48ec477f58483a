namespace KennisHub.Web.Resources;

/// <summary>Marker for the text of the Atom feeds and the personal feed page.</summary>
public sealed class FeedText;
