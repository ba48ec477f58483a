namespace KennisHub.Web.Resources;

/// <summary>Marker for the security pages' text: status pages (400-500), the Logboek and Mijn gegevens.</summary>
public sealed class SecurityText;
