namespace KennisHub.Web.Resources;

/// <summary>Marker for the texts of mail about accounts (MailText.resx Dutch, MailText.en.resx English).</summary>
public sealed class MailText;
