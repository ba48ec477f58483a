namespace KennisHub.Web.Resources;

/// <summary>Marker for the texts of organisations' memberships, management, people and the network (NetworkText.resx Dutch, NetworkText.en.resx English).</summary>
public sealed class NetworkText;
