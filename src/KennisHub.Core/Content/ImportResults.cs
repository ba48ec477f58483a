namespace KennisHub.Core.Content;

/// <summary>What the import did with one item (a municipality row or a file).</summary>
public enum ImportOutcome
{
    New,
    Changed,
    Unchanged,

    /// <summary>
    /// A file that added to an item this same run created (a municipality's description from organisaties/ for a row
    /// of gemeenten.csv): part of that new item, so not counted again, and not a change of something that existed.
    /// </summary>
    Enriched,
    Error,
}

/// <summary>One step of the import, reported as it happens: which file or row, and what came of it.</summary>
public sealed record ImportProgress(string Source, ImportOutcome Outcome, string Message);

/// <summary>A file or row that could not be imported, with a Dutch message that names it.</summary>
public sealed record ImportError(string Source, string Message);

/// <summary>The totals of one import run.</summary>
public sealed record ImportSummary(int New, int Changed, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
