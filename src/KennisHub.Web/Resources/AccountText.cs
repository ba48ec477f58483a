namespace KennisHub.Web.Resources;

/// <summary>Marker for the Account pages' texts (AccountText.resx Dutch, AccountText.en.resx English).</summary>
public sealed class AccountText;
