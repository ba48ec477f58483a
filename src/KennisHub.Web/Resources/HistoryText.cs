namespace KennisHub.Web.Resources;

/// <summary>Marker for the text around the editor: history, comparing revisions, internal links, attachments, co-authors.</summary>
public sealed class HistoryText;
