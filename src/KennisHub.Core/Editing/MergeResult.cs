using System.Text;

namespace KennisHub.Core.Editing;

/// <summary>Who a merged region came from, so a page can say "samengevoegd met de wijziging van ...".</summary>
public enum MergeSource
{
    /// <summary>Only this edit changed it.</summary>
    Mine,

    /// <summary>Only the save that came in between changed it.</summary>
    Theirs,

    /// <summary>Both made exactly the same change.</summary>
    Both,

    /// <summary>Both changed this paragraph in different places; merged word by word.</summary>
    Combined,
}

/// <summary>
/// A stretch of the merged text. Region texts are whole blocks (paragraphs, lists, headings), each with the blank
/// line that follows it; they concatenate to the merged text.
/// </summary>
public abstract record MergeRegion
{
    /// <summary>The text this region contributes to the merge (for a conflict: this edit's version, until resolved).</summary>
    public abstract string Text { get; }
}

/// <summary>Text that neither side changed.</summary>
public sealed record UnchangedRegion(string Unchanged) : MergeRegion
{
    public override string Text => Unchanged;
}

/// <summary>Text one side changed (or both, alike or in different places), merged without overlap.</summary>
public sealed record ChangedRegion(MergeSource Source, string Base, string Merged) : MergeRegion
{
    public override string Text => Merged;
}

/// <summary>
/// Both sides changed this text in overlapping ways. <see cref="Index"/> numbers the conflicts 0, 1, 2... in text
/// order; a resolution is chosen per index.
/// </summary>
public sealed record ConflictRegion(int Index, string Base, string Mine, string Theirs) : MergeRegion
{
    public override string Text => Mine;
}

/// <summary>How a person resolved one conflict.</summary>
public enum ConflictChoice
{
    /// <summary>Keep this edit's version.</summary>
    Mine,

    /// <summary>Keep the version saved meanwhile.</summary>
    Theirs,

    /// <summary>Keep both: this edit's version, then the other (for two insertions at one place).</summary>
    Both,

    /// <summary>Use text the person wrote for this region.</summary>
    Edited,
}

/// <summary>The resolution of one conflict; <see cref="EditedText"/> only with <see cref="ConflictChoice.Edited"/>.</summary>
public sealed record ConflictResolution(ConflictChoice Choice, string? EditedText = null)
{
    public static readonly ConflictResolution TakeMine = new(ConflictChoice.Mine);

    public static readonly ConflictResolution TakeTheirs = new(ConflictChoice.Theirs);

    public static readonly ConflictResolution TakeBoth = new(ConflictChoice.Both);

    public static ConflictResolution Edited(string text) => new(ConflictChoice.Edited, text);
}

/// <summary>
/// The outcome of <see cref="ThreeWayMerge.Merge"/>: the regions in text order. Clean when no region conflicts;
/// then <see cref="Text"/> is the merged text. Otherwise an editor shows each <see cref="Conflicts"/> entry with
/// base, mine and theirs, and <see cref="Resolve"/> builds the text once every conflict has a resolution.
/// </summary>
public sealed class MergeResult
{
    private readonly string ending;

    internal MergeResult(IReadOnlyList<MergeRegion> regions, string ending, string mine)
    {
        Regions = regions;
        this.ending = ending;
        Mine = mine;
        Conflicts = regions.OfType<ConflictRegion>().ToList();
    }

    public IReadOnlyList<MergeRegion> Regions { get; }

    public IReadOnlyList<ConflictRegion> Conflicts { get; }

    public bool IsClean => Conflicts.Count == 0;

    /// <summary>This edit as typed (line endings LF, NFC): what an editor keeps in the form on a conflict.</summary>
    public string Mine { get; }

    /// <summary>True when the merged text holds a change saved by someone else meanwhile (not one this edit made too).</summary>
    public bool IncludesTheirChanges => Regions.OfType<ChangedRegion>().Any(r => r.Source is MergeSource.Theirs or MergeSource.Combined);

    /// <summary>The merged text; only for a clean merge.</summary>
    public string Text => IsClean
        ? Assemble(Regions.Select(r => r.Text))
        : throw new InvalidOperationException("De samenvoeging heeft conflicten; kies eerst per conflict een oplossing.");

    /// <summary>The text with each conflict resolved as chosen; every conflict index needs a resolution.</summary>
    public string Resolve(IReadOnlyDictionary<int, ConflictResolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        return Assemble(Regions.Select(region => region is ConflictRegion conflict ? Resolved(conflict, resolutions) : region.Text));
    }

    private static string Resolved(ConflictRegion conflict, IReadOnlyDictionary<int, ConflictResolution> resolutions)
    {
        if (!resolutions.TryGetValue(conflict.Index, out var resolution))
        {
            throw new ArgumentException($"Conflict {conflict.Index + 1} heeft nog geen oplossing.", nameof(resolutions));
        }

        return resolution.Choice switch
        {
            ConflictChoice.Mine => conflict.Mine,
            ConflictChoice.Theirs => conflict.Theirs,
            ConflictChoice.Both => conflict.Mine + conflict.Theirs,
            ConflictChoice.Edited => AsBlocks(resolution.EditedText ?? string.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(resolutions), resolution.Choice, "Onbekende keuze."),
        };
    }

    /// <summary>Text typed for one region, shaped like a region: normalized, ending in one blank line (or empty).</summary>
    private static string AsBlocks(string text)
    {
        var core = ProseTokens.NormalizeForComparison(text).TrimEnd('\n');
        return core.Length == 0 ? string.Empty : core + "\n\n";
    }

    private string Assemble(IEnumerable<string> texts)
    {
        var builder = new StringBuilder();
        foreach (var text in texts)
        {
            builder.Append(text);
        }

        var core = builder.ToString().TrimEnd('\n');
        return core.Length == 0 ? string.Empty : core + ending;
    }
}
