using System.Globalization;
using System.Text.Json;
using KennisHub.Core.Editing;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Beheer;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>
/// Drafts and presence of every editor page (issue 16; partials _Draft, _DraftSave, _Presence). Each handler first
/// asks the page's own <c>FindAsync</c> (the item through the Reader, then the edit policy: 404, 403), so a draft or a
/// presence line is only ever given to whoever may edit the item, and a draft is keyed by the person's own id.
/// </summary>
public abstract partial class EditorFormModel<TInput> : IEditingState
{
    /// <summary>The kind of text this editor writes (Revisions.SubjectKinds).</summary>
    protected abstract string SubjectKind { get; }

    /// <summary>The person's kept draft of this item, offered back ("Concept terughalen / Weggooien").</summary>
    public Draft? DraftOffer { get; private set; }

    /// <summary>The status line of the draft just kept or restored, for the aria-live region.</summary>
    public string? DraftStatus { get; private set; }

    /// <summary>Who else has this item's editor open (none for a new item).</summary>
    public IReadOnlyList<EditorPresent> OthersEditing { get; private set; } = [];

    /// <summary>The item key of the draft: the item, or Drafts.NewItem on a new item's page.</summary>
    private Guid DraftSubjectId => IsNew ? Drafts.NewItem : Input.Id;

    /// <summary>"Concept bewaren" without JavaScript: keeps the form as typed and shows it again with the status line.</summary>
    public async Task<IActionResult> OnPostConceptAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        DraftStatus = await KeepDraftAsync(cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>The editor's script, every few seconds after a change: keeps the form, answers the status line (rate-limited).</summary>
    public async Task<IActionResult> OnPostConceptAutoAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Content(await KeepDraftAsync(cancellationToken), "text/plain; charset=utf-8");
    }

    /// <summary>"Concept terughalen": the kept form back in the editor (404 when this person has no draft of the item).</summary>
    public async Task<IActionResult> OnPostConceptTerughalenAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var itemId = Input.Id;
        var draft = await Service<Drafts>().FindAsync(UserId, SubjectKind, DraftSubjectId, cancellationToken);
        if (draft is null || JsonSerializer.Deserialize<TInput>(draft.Content) is not { } kept)
        {
            return NotFound();
        }

        Input = kept;
        if (!IsNew)
        {
            // The item is the one in the address, whatever the kept form says.
            Input.Id = itemId;
        }

        ModelState.Clear();
        DraftStatus = Text["Draft_Restored"].Value;
        return await ShowAsync(cancellationToken);
    }

    /// <summary>"Weggooien": the draft goes, the editor opens again on the stored text.</summary>
    public async Task<IActionResult> OnPostConceptWeggooienAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return await Service<Drafts>().DeleteAsync(UserId, SubjectKind, DraftSubjectId, cancellationToken)
            ? LocalRedirect(Request.Path)
            : NotFound();
    }

    /// <summary>The editor's heartbeat (~20 s): records this person, answers who else is editing (rate-limited).</summary>
    public async Task<IActionResult> OnPostAanwezigAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            return NotFound();
        }

        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var others = await Service<Presence>().HeartbeatAsync(SubjectKind, Input.Id, UserId, cancellationToken);
        return Content(PresenceLine(others) ?? string.Empty, "text/plain; charset=utf-8");
    }

    /// <summary>"Ook bezig met bewerken: Anna de Vries, sinds 10:42", or null when no one else is.</summary>
    public string? PresenceLine(IReadOnlyList<EditorPresent> others) => others.Count == 0
        ? null
        : Text["Presence_Line", string.Join("; ", others.Select(p => Text["Presence_Person", p.DisplayName, Clock(p.StartedAt)].Value))].Value;

    /// <summary>On every showing of the form: the draft offer (unless one was just kept or restored) and the presence as of now.</summary>
    private async Task LoadDraftAndPresenceAsync(CancellationToken cancellationToken)
    {
        if (User.GetUserId() is null)
        {
            return;
        }

        if (DraftStatus is null)
        {
            DraftOffer = await Service<Drafts>().FindAsync(UserId, SubjectKind, DraftSubjectId, cancellationToken);
        }

        if (!IsNew && Input.Id != Guid.Empty)
        {
            OthersEditing = await Service<Presence>().HeartbeatAsync(SubjectKind, Input.Id, UserId, cancellationToken);
        }
    }

    private async Task<string> KeepDraftAsync(CancellationToken cancellationToken)
    {
        var content = JsonSerializer.Serialize(Input);
        if (content.Length > Drafts.MaxContentLength)
        {
            return Text["Draft_TooLarge"].Value;
        }

        var title = DraftTitle();
        var savedAt = await Service<Drafts>().SaveAsync(UserId, SubjectKind, DraftSubjectId, title, Input.BaseRevision, content, cancellationToken);
        return Text["Draft_Saved", Clock(savedAt)].Value;
    }

    /// <summary>What the draft is called in the offer and the AVG export: the typed title, if any.</summary>
    protected virtual string DraftTitle() => string.Empty;

    private static string Clock(DateTimeOffset moment) => DutchTime.ToDutch(moment).ToString("HH:mm", CultureInfo.InvariantCulture);

    private Guid UserId => User.GetUserId() ?? throw new InvalidOperationException("Niet ingelogd.");

    private IStringLocalizer<CoauthorText> Text => Service<IStringLocalizer<CoauthorText>>();

    // Resolved per request rather than through the constructor, so the editor pages' constructors (shared with the
    // editor branch) stay as they are; all are singletons or scoped services of the request.
    private T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}
