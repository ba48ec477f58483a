using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Reading;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Pages.Shared.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>The article form as posted: every field, the revision the edit started from, and nothing derived.</summary>
public sealed class ArticleInput
{
    /// <summary>Prepared when the form opens, so that a double submit finds the article it made.</summary>
    public Guid Id { get; set; }

    public int BaseRevision { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string Visibility { get; set; } = nameof(Core.Reading.Visibility.Public);

    public Guid? OrganisationId { get; set; }

    public List<Guid> ThemeIds { get; set; } = [];

    public List<string?> Keywords { get; set; } = [];

    public string? ChangeSummary { get; set; }

    /// <summary>The fields for the write handler; an empty slug is proposed from the title.</summary>
    public ArticleFields ToFields() => new()
    {
        Title = Title ?? string.Empty,
        Slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.Slugify(Title ?? string.Empty) : Slug,
        Summary = Summary ?? string.Empty,
        Body = Body ?? string.Empty,
        Visibility = Visibility,
        OrganisationId = OrganisationId,
        ThemeIds = ThemeIds,
        Keywords = Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!).ToList(),
    };

    public static ArticleInput From(ArticleEdit edit) => new()
    {
        Id = edit.Id,
        BaseRevision = edit.Revision,
        Title = edit.Fields.Title,
        Slug = edit.Fields.Slug,
        Summary = edit.Fields.Summary,
        Body = edit.Fields.Body,
        Visibility = edit.Fields.Visibility,
        OrganisationId = edit.Fields.OrganisationId,
        ThemeIds = [.. edit.Fields.ThemeIds],
        Keywords = [.. edit.Fields.Keywords],
    };
}

/// <summary>What /kennis/nieuw and /kennis/{slug}/bewerken share: the form, its choices, the preview and the conflict.</summary>
public abstract class ArticleFormModel(ContentEditing editing, EditorSupport support) : PageModel
{
    /// <summary>Empty keyword fields offered below the article's own.</summary>
    public const int SpareKeywordFields = 3;

    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    [BindProperty]
    public ConflictInput Conflict { get; set; } = new();

    public EditorChoices Choices { get; private set; } = new([], [], []);

    /// <summary>The server-rendered preview, after "Voorbeeld".</summary>
    public string? PreviewHtml { get; private set; }

    /// <summary>The save's conflict, to resolve region by region.</summary>
    public Conflict? SaveConflict { get; private set; }

    protected EditorSupport Support => support;

    protected ContentEditing Editing => editing;

    public abstract bool IsNew { get; }

    /// <summary>"Voorbeeld": the same form again, with the text rendered as it would be published.</summary>
    public async Task<IActionResult> OnPostVoorbeeldAsync(CancellationToken cancellationToken)
    {
        var found = await FindAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        ModelState.Clear();
        PreviewHtml = support.Preview(Input.Body);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>The item this page edits, or the 404/403 answer; null for a new article.</summary>
    protected abstract Task<IActionResult?> FindAsync(CancellationToken cancellationToken);

    /// <summary>The form again, with its lists, keeping everything typed.</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Choices = await editing.ChoicesAsync(User.ToReader(), cancellationToken);
        return Page();
    }

    /// <summary>Maps a save's result to the response: PRG with a status line, or the form with errors or the conflict.</summary>
    protected async Task<IActionResult> RespondAsync(WriteResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case Saved or Merged:
                var slug = result is Saved saved ? saved.Slug : ((Merged)result).Slug;
                TempData["Status"] = support.StatusOf(result);
                return LocalRedirect($"/kennis/{slug}");
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

    /// <summary>Shows the conflict of a failed resolution again (the merge recomputed from the posted text).</summary>
    protected void ShowConflict(Core.Editing.MergeResult merge)
        => SaveConflict = new Conflict(merge, [], Input.BaseRevision, Conflict.TheirsRevision, []);
}
