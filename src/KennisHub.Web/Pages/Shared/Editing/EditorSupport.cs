using KennisHub.Components.Editing;
using KennisHub.Core.Content;
using KennisHub.Core.Linking;
using KennisHub.Core.Reading;
using KennisHub.Core.Editing;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>How a person resolved the conflicts of a save, posted with the form (one entry per conflict, in order).</summary>
public sealed class ConflictInput
{
    /// <summary>The revision the conflicts were computed against ("theirs"); 0 when there is no conflict to resolve.</summary>
    public int TheirsRevision { get; set; }

    /// <summary>Per conflict: Mine, Theirs, Both or Edited.</summary>
    public List<string?> Choices { get; set; } = [];

    /// <summary>Per conflict: the text typed by hand (used with Edited).</summary>
    public List<string?> Edited { get; set; } = [];
}

/// <summary>What the new and edit pages of every kind share: errors, preview, conflicts and status messages.</summary>
public sealed class EditorSupport(MarkdownRenderer renderer, LinkQueries links, RevisionStore revisions, IStringLocalizer<EditingText> text)
{
    /// <summary>
    /// The server's own rendering of the typed text, by the pipeline that publishes it, with the link targets this
    /// reader may see (one query, only when the text has internal links), for <see cref="MarkdownPreview"/>.
    /// </summary>
    public async Task<PreviewContent> PreviewAsync(Reader reader, string? markdown, CancellationToken cancellationToken)
    {
        var html = renderer.Render(markdown ?? string.Empty).Html;
        return new PreviewContent(html, await links.TargetsAsync(reader, html, cancellationToken));
    }

    /// <summary>The writer of a save: the signed-in person.</summary>
    public static Writer WriterOf(System.Security.Claims.ClaimsPrincipal user)
    {
        var actor = user.ToActor();
        return new Writer(actor.Id, actor.Name);
    }

    /// <summary>Each refused field as a Dutch (or English) message on its form field ("Input.Title").</summary>
    public void AddErrors(ModelStateDictionary modelState, Invalid invalid)
    {
        foreach (var error in invalid.Errors)
        {
            modelState.AddModelError("Input." + error.Field, text[$"Error_{error.Error}", text[$"Field_{error.Field}"]]);
        }
    }

    /// <summary>The status line after a save ("Opgeslagen." or "Samengevoegd met de wijziging van ...").</summary>
    public string StatusOf(WriteResult result) => result switch
    {
        Merged merged => text["Status_Merged", string.Join(", ", merged.Names)].Value,
        Saved { Changed: false } => text["Status_Unchanged"].Value,
        _ => text["Status_Saved"].Value,
    };

    /// <summary>
    /// Applies the posted resolutions: the merge of base, what this person typed and the revision the conflict was
    /// shown against, computed again, must have a choice for every conflict. Returns the resolved text, or null with
    /// an error on the form (and the merge, to show again).
    /// </summary>
    public async Task<(string? Resolved, MergeResult? Merge)> ResolveAsync(string subjectKind, Guid subjectId, int baseRevision, string mine, ConflictInput conflict,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var pair = await revisions.GetPairAsync(subjectKind, subjectId, baseRevision, conflict.TheirsRevision, cancellationToken);
        if (pair is null)
        {
            modelState.AddModelError("Input.Body", text["Error_UnknownBaseRevision"]);
            return (null, null);
        }

        var merge = ThreeWayMerge.Merge(pair.Older.Markdown, mine, pair.Newer.Markdown);
        var resolutions = new Dictionary<int, ConflictResolution>();
        foreach (var region in merge.Conflicts)
        {
            var choice = region.Index < conflict.Choices.Count ? conflict.Choices[region.Index] : null;
            ConflictResolution? resolution = choice switch
            {
                nameof(ConflictChoice.Mine) => ConflictResolution.TakeMine,
                nameof(ConflictChoice.Theirs) => ConflictResolution.TakeTheirs,
                nameof(ConflictChoice.Both) => ConflictResolution.TakeBoth,
                nameof(ConflictChoice.Edited) => ConflictResolution.Edited(region.Index < conflict.Edited.Count ? conflict.Edited[region.Index] ?? string.Empty : string.Empty),
                _ => null,
            };
            if (resolution is null)
            {
                modelState.AddModelError($"Conflict.Choices[{region.Index}]", text["Error_ConflictUnresolved", region.Index + 1]);
                continue;
            }

            resolutions[region.Index] = resolution;
        }

        return resolutions.Count == merge.Conflicts.Count ? (merge.Resolve(resolutions), merge) : (null, merge);
    }
}
