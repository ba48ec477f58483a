using KennisHub.Core.Linking;

namespace KennisHub.Components.Editing;

/// <summary>
/// A preview as the publishing pipeline made it: <see cref="Html"/> is MarkdownRenderer's sanitized HTML (with its
/// link marks), <see cref="Targets"/> the link targets this reader may see (LinkQueries.TargetsAsync), so the preview
/// resolves [[slug]] links exactly as the published page will for this reader.
/// </summary>
public sealed record PreviewContent(string Html, IReadOnlyCollection<LinkedItem> Targets)
{
    public static PreviewContent Empty { get; } = new(string.Empty, []);
}
