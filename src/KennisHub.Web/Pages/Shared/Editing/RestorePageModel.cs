using KennisHub.Core.Content;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>
/// Restoring an old revision (/kennis/{slug}/herstellen/{nummer}, /themas/...): a confirmation GET that shows what
/// comes back, and a POST that saves that text as a new revision through the kind's write handler (audit line
/// "restored"). Nothing is deleted. Who may restore: whoever may edit the item.
/// </summary>
public abstract class RestorePageModel(RevisionStore revisions, MarkdownRenderer renderer, IAuthorizationService authorization, IStringLocalizer<EditingText> text)
    : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public int Nummer { get; set; }

    public Revision Revision { get; private set; } = null!;

    public string PreviewHtml { get; private set; } = string.Empty;

    protected abstract string SubjectKind { get; }

    protected abstract string Policy { get; }

    protected abstract string DetailsPath(string slug);

    /// <summary>The item's id, or null when this reader cannot see it.</summary>
    protected abstract Task<Guid?> FindAsync(CancellationToken cancellationToken);

    /// <summary>Saves the revision's title, summary and text as the item's next revision.</summary>
    protected abstract Task<WriteResult> RestoreAsync(Revision revision, Writer writer, string changeSummary, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var result = await RestoreAsync(Revision, EditorSupport.WriterOf(User), text["Restore_ChangeSummary", Nummer].Value, cancellationToken);
        switch (result)
        {
            case Saved saved:
                SaveStatus.Set(TempData, (saved.Changed ? text["Status_Restored", Nummer] : text["Status_Unchanged"]).Value);
                return LocalRedirect(DetailsPath(saved.Slug));
            case Merged merged:
                SaveStatus.Set(TempData, text["Status_Restored", Nummer].Value);
                return LocalRedirect(DetailsPath(merged.Slug));
            default:
                ModelState.AddModelError(string.Empty, text["Restore_Failed"]);
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } id)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new ItemResource(SubjectKind, id), Policy)).Succeeded)
        {
            return Forbid();
        }

        if (await revisions.GetAsync(SubjectKind, id, Nummer, cancellationToken) is not { } revision)
        {
            return NotFound();
        }

        Revision = revision;
        PreviewHtml = renderer.Render(revision.Markdown).Html;
        return null;
    }

    protected Core.Reading.Reader Reader => User.ToReader();
}
