using KennisHub.Components.Editing;
using KennisHub.Core.Content;
using KennisHub.Core.Editing;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>What every editor form posts besides its own fields.</summary>
public interface IEditorInput
{
    /// <summary>Prepared when a new item's form opens, so that a double submit finds the item it made.</summary>
    Guid Id { get; set; }

    /// <summary>The revision the edit started from (0 for a new item).</summary>
    int BaseRevision { get; set; }

    string? Body { get; set; }

    string? ChangeSummary { get; set; }
}

/// <summary>
/// The new and edit pages of every kind of text: the form and its choices, "Voorbeeld" without JavaScript, the
/// mapping of a save's result (PRG with a status line, errors on their fields, or the conflict to resolve).
/// </summary>
public abstract partial class EditorFormModel<TInput>(ContentEditing editing, EditorSupport support) : PageModel
    where TInput : class, IEditorInput, new()
{
    /// <summary>Empty keyword fields offered below the item's own.</summary>
    public const int SpareKeywordFields = 3;

    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty]
    public ConflictInput Conflict { get; set; } = new();

    public EditorChoices Choices { get; private set; } = new([], [], []);

    /// <summary>The server-rendered preview, after "Voorbeeld".</summary>
    public PreviewContent? Preview { get; private set; }

    /// <summary>The save's conflict, to resolve region by region.</summary>
    public Conflict? SaveConflict { get; private set; }

    public abstract bool IsNew { get; }

    protected ContentEditing Editing => editing;

    /// <summary>Where the item's own page is, for the redirect after a save.</summary>
    protected abstract string DetailsPath(string slug);

    /// <summary>The item this page edits, or the 404/403 answer; null for a new item.</summary>
    protected abstract Task<IActionResult?> FindAsync(CancellationToken cancellationToken);

    /// <summary>"Voorbeeld": the same form again, with the text rendered as it would be published.</summary>
    public async Task<IActionResult> OnPostVoorbeeldAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        Preview = await support.PreviewAsync(User.ToReader(), Input.Body, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>
    /// The live preview (htmx, as one types): the same authorization and antiforgery as every post of this page, rate
    /// limited (SecuritySetup.PreviewPolicy), and only the MarkdownPreview markup back.
    /// </summary>
    public async Task<IActionResult> OnPostVoorbeeldLiveAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Partial("Editing/_Preview", await support.PreviewAsync(User.ToReader(), Input.Body, cancellationToken));
    }

    /// <summary>
    /// The body's MarkdownEditor: what was typed, its error, "Voorbeeld" (no script) and the live preview (htmx), both
    /// handlers of this very page, so they carry its route (the slug) and its authorization.
    /// </summary>
    public object BodyEditor(string label, string hint) => new
    {
        Name = "Input.Body",
        Label = label,
        Hint = hint,
        Value = Input.Body,
        ValidationMessage = ErrorFor("Input.Body"),
        Rows = 20,
        PreviewAction = Url.Page(pageName: null, pageHandler: "Voorbeeld"),
        PreviewEndpoint = Url.Page(pageName: null, pageHandler: "VoorbeeldLive"),
        Preview,
    };

    /// <summary>The messages of one field ("Input.Body"), as the editor component shows them; null when it has none.</summary>
    public string? ErrorFor(string field)
        => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(' ', entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>The form again, with its lists, keeping everything typed.</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Choices = await editing.ChoicesAsync(User.ToReader(), cancellationToken);
        await LoadDraftAndPresenceAsync(cancellationToken);
        return Page();
    }

    /// <summary>404 when the item is not found for this reader, 403 when it is visible but not theirs to edit.</summary>
    protected async Task<IActionResult?> AuthorizeEditAsync(IAuthorizationService authorization, string subjectKind, Guid? subjectId, string policy)
    {
        if (subjectId is not { } id)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new ItemResource(subjectKind, id), policy)).Succeeded)
        {
            return Forbid();
        }

        Input.Id = id;
        return null;
    }

    /// <summary>
    /// Saves an edit: with a conflict shown, first the posted resolutions (each conflict needs a choice), which make
    /// the revision the conflict was shown against the new base; then the save's result as a response.
    /// </summary>
    protected async Task<IActionResult> SaveEditAsync(string subjectKind, Func<string, int, Task<WriteResult>> save, CancellationToken cancellationToken)
    {
        var body = Input.Body ?? string.Empty;
        var baseRevision = Input.BaseRevision;
        if (Conflict.TheirsRevision > 0)
        {
            var (resolved, merge) = await support.ResolveAsync(subjectKind, Input.Id, Input.BaseRevision, body, Conflict, ModelState, cancellationToken);
            if (resolved is null)
            {
                if (merge is not null)
                {
                    SaveConflict = new Conflict(merge, [], Input.BaseRevision, Conflict.TheirsRevision, []);
                }

                return await ShowAsync(cancellationToken);
            }

            (body, baseRevision) = (resolved, Conflict.TheirsRevision);
        }

        return await RespondAsync(await save(body, baseRevision), cancellationToken);
    }

    /// <summary>Maps a save's result to the response: PRG with a status line, or the form with errors or the conflict.</summary>
    protected async Task<IActionResult> RespondAsync(WriteResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case Saved saved:
                SaveStatus.Set(TempData, support.StatusOf(result));
                return LocalRedirect(DetailsPath(saved.Slug));
            case Merged merged:
                SaveStatus.Set(TempData, support.StatusOf(result));
                return LocalRedirect(DetailsPath(merged.Slug));
            case Invalid invalid:
                support.AddErrors(ModelState, invalid);
                break;
            case Conflict conflict:
                SaveConflict = conflict;
                Conflict = new ConflictInput { TheirsRevision = conflict.TheirsRevision };
                ModelState.Remove("Conflict.TheirsRevision");
                break;
        }

        return await ShowAsync(cancellationToken);
    }

    /// <summary>The kept keyword names plus a few empty fields, for the form.</summary>
    public static IReadOnlyList<string> KeywordFields(IEnumerable<string?> keywords)
        => [.. keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!), .. Enumerable.Repeat(string.Empty, SpareKeywordFields)];
}
