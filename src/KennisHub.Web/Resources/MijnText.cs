namespace KennisHub.Web.Resources;

/// <summary>Marker for the text of following (/volgen) and Mijn KennisHub (/mijn).</summary>
public sealed class MijnText;
