namespace KennisHub.Core.Editing;

/// <summary>What happened to a stretch of text between two revisions.</summary>
public enum DiffSpanKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>A stretch of text in a comparison.</summary>
public sealed record DiffSpan(DiffSpanKind Kind, string Text)
{
    /// <summary>True when the stretch is only white space (a line break, a space): a page shows a mark for it.</summary>
    public bool IsWhiteSpace => Text.AsSpan().IsWhiteSpace();
}

/// <summary>What happened to a row (a paragraph, list, heading...) between two revisions.</summary>
public enum DiffRowKind
{
    Unchanged,

    /// <summary>Only in the newer revision.</summary>
    Added,

    /// <summary>Only in the older revision.</summary>
    Removed,

    /// <summary>In both, changed: <see cref="DiffRow.Inline"/> shows the words that changed.</summary>
    Changed,
}

/// <summary>
/// One row of a comparison. <see cref="Older"/> and <see cref="Newer"/> are the two sides for a side-by-side view
/// (unchanged and deleted text left, unchanged and inserted text right; empty where the row is absent);
/// <see cref="Inline"/> is both in one, each deletion before the insertion that replaces it.
/// </summary>
public sealed record DiffRow(DiffRowKind Kind, IReadOnlyList<DiffSpan> Older, IReadOnlyList<DiffSpan> Newer, IReadOnlyList<DiffSpan> Inline);

/// <summary>
/// A readable word-level comparison of two revisions of Markdown prose ("Vergelijken"). The texts are first
/// compared per block (paragraph, list, table, heading); a changed block is then compared per word, and the result
/// is tidied so that it reads: changes separated only by white space or by a stretch of unchanged text shorter
/// than the changes on both sides are shown as one deletion and one insertion ("<del>gemeente maait</del>
/// <ins>provincie snoeit</ins>"), not as a checkerboard of single words. Line endings and Unicode forms are
/// normalized first (<see cref="ProseTokens.NormalizeForComparison"/>), so they never show as changes.
/// </summary>
public sealed record ProseDiff(IReadOnlyList<DiffRow> Rows, int WordsAdded, int WordsRemoved)
{
    public bool HasChanges => Rows.Any(r => r.Kind != DiffRowKind.Unchanged);

    public static ProseDiff Compare(string older, string newer)
    {
        var olderBlocks = ProseTokens.Blocks(ProseTokens.NormalizeForComparison(older).TrimEnd('\n'));
        var newerBlocks = ProseTokens.Blocks(ProseTokens.NormalizeForComparison(newer).TrimEnd('\n'));
        var rows = new List<DiffRow>();
        var olderPosition = 0;
        var newerPosition = 0;

        foreach (var block in Diff3.TwoWay(olderBlocks, newerBlocks))
        {
            for (; olderPosition < block.DeleteStartA; olderPosition++, newerPosition++)
            {
                rows.Add(UnchangedRow(olderBlocks[olderPosition]));
            }

            var deleted = olderBlocks.AsSpan(block.DeleteStartA, block.DeleteCountA).ToArray();
            var inserted = newerBlocks.AsSpan(block.InsertStartB, block.InsertCountB).ToArray();
            if (deleted.Length == inserted.Length)
            {
                rows.AddRange(deleted.Zip(inserted, ChangedRow));
            }
            else if (deleted.Length == 0 || inserted.Length == 0)
            {
                rows.AddRange(deleted.Select(text => OneSidedRow(DiffRowKind.Removed, text)));
                rows.AddRange(inserted.Select(text => OneSidedRow(DiffRowKind.Added, text)));
            }
            else
            {
                rows.Add(ChangedRow(string.Concat(deleted), string.Concat(inserted)));
            }

            olderPosition = block.DeleteStartA + block.DeleteCountA;
            newerPosition = block.InsertStartB + block.InsertCountB;
        }

        for (; olderPosition < olderBlocks.Length; olderPosition++)
        {
            rows.Add(UnchangedRow(olderBlocks[olderPosition]));
        }

        return new ProseDiff(rows, CountWords(rows, DiffSpanKind.Inserted), CountWords(rows, DiffSpanKind.Deleted));
    }

    private static int CountWords(List<DiffRow> rows, DiffSpanKind kind) =>
        rows.SelectMany(r => r.Inline).Where(s => s.Kind == kind).Sum(s => ProseTokens.Words(s.Text).Count(ProseTokens.IsWord));

    private static DiffRow UnchangedRow(string block)
    {
        DiffSpan[] spans = [new(DiffSpanKind.Unchanged, block.TrimEnd('\n'))];
        return new DiffRow(DiffRowKind.Unchanged, spans, spans, spans);
    }

    private static DiffRow OneSidedRow(DiffRowKind kind, string block)
    {
        DiffSpan[] spans = [new(kind == DiffRowKind.Added ? DiffSpanKind.Inserted : DiffSpanKind.Deleted, block.TrimEnd('\n'))];
        return kind == DiffRowKind.Added ? new DiffRow(kind, [], spans, spans) : new DiffRow(kind, spans, [], spans);
    }

    /// <summary>A stretch of the word comparison: equal text, or a deletion and insertion at one place.</summary>
    private sealed record Segment(string Equal, string Deleted, string Inserted)
    {
        public bool IsChange => Equal.Length == 0;
    }

    private static DiffRow ChangedRow(string olderBlock, string newerBlock)
    {
        var olderWords = ProseTokens.Words(olderBlock.TrimEnd('\n'));
        var newerWords = ProseTokens.Words(newerBlock.TrimEnd('\n'));
        var segments = new List<Segment>();
        var position = 0;
        foreach (var block in Diff3.TwoWay(olderWords, newerWords))
        {
            if (block.DeleteStartA > position)
            {
                segments.Add(new Segment(string.Concat(olderWords.AsSpan(position, block.DeleteStartA - position)), string.Empty, string.Empty));
            }

            segments.Add(new Segment(
                string.Empty,
                string.Concat(olderWords.AsSpan(block.DeleteStartA, block.DeleteCountA)),
                string.Concat(newerWords.AsSpan(block.InsertStartB, block.InsertCountB))));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        if (position < olderWords.Length)
        {
            segments.Add(new Segment(string.Concat(olderWords.AsSpan(position)), string.Empty, string.Empty));
        }

        Tidy(segments);

        var older = new List<DiffSpan>();
        var newer = new List<DiffSpan>();
        var inline = new List<DiffSpan>();
        foreach (var segment in segments)
        {
            if (!segment.IsChange)
            {
                var same = new DiffSpan(DiffSpanKind.Unchanged, segment.Equal);
                older.Add(same);
                newer.Add(same);
                inline.Add(same);
                continue;
            }

            if (segment.Deleted.Length > 0)
            {
                var deleted = new DiffSpan(DiffSpanKind.Deleted, segment.Deleted);
                older.Add(deleted);
                inline.Add(deleted);
            }

            if (segment.Inserted.Length > 0)
            {
                var inserted = new DiffSpan(DiffSpanKind.Inserted, segment.Inserted);
                newer.Add(inserted);
                inline.Add(inserted);
            }
        }

        return new DiffRow(DiffRowKind.Changed, older, newer, inline);
    }

    /// <summary>
    /// Folds an unchanged stretch between two changes into them when it is only white space, or when it is no
    /// longer than the larger side of the change before it and of the change after it (diff-match-patch's
    /// "semantic" clean-up, here on words); repeats until nothing folds.
    /// </summary>
    private static void Tidy(List<Segment> segments)
    {
        var folded = true;
        while (folded)
        {
            folded = false;
            for (var i = 1; i + 1 < segments.Count; i++)
            {
                var (before, equal, after) = (segments[i - 1], segments[i], segments[i + 1]);
                if (equal.IsChange || !before.IsChange || !after.IsChange)
                {
                    continue;
                }

                var length = equal.Equal.Length;
                var small = length <= Math.Max(before.Deleted.Length, before.Inserted.Length)
                    && length <= Math.Max(after.Deleted.Length, after.Inserted.Length);
                if (!small && !equal.Equal.AsSpan().IsWhiteSpace())
                {
                    continue;
                }

                segments[i - 1] = new Segment(
                    string.Empty,
                    before.Deleted + equal.Equal + after.Deleted,
                    before.Inserted + equal.Equal + after.Inserted);
                segments.RemoveRange(i, 2);
                folded = true;
                i--;
            }
        }
    }
}
