using KennisHub.Core.Editing;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>What the draft and presence partials show of an editor page (EditorFormModel.Drafts.cs).</summary>
public interface IEditingState
{
    Draft? DraftOffer { get; }

    string? DraftStatus { get; }

    IReadOnlyList<EditorPresent> OthersEditing { get; }

    string? PresenceLine(IReadOnlyList<EditorPresent> others);
}
