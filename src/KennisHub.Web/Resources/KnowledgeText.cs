namespace KennisHub.Web.Resources;

/// <summary>Marker for the text of the knowledge pages: home, thema's, kennis, organisaties.</summary>
public sealed class KnowledgeText;
