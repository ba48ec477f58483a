namespace KennisHub.Components;

/// <summary>How <see cref="RevisionDiff"/> shows a comparison.</summary>
public enum RevisionDiffView
{
    /// <summary>One text with deletions and insertions marked in place.</summary>
    Inline,

    /// <summary>A table: the older revision left, the newer right, row by row.</summary>
    SideBySide,
}
