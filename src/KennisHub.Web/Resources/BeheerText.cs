namespace KennisHub.Web.Resources;

/// <summary>Marker for the Beheer pages' texts (BeheerText.resx Dutch, BeheerText.en.resx English).</summary>
public sealed class BeheerText;
