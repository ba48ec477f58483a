namespace KennisHub.Web.Resources;

/// <summary>Marker for the text of co-authoring: the authors of an item, invitations, drafts and presence in the editor.</summary>
public sealed class CoauthorText;
