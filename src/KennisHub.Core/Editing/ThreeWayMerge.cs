using System.Text;

namespace KennisHub.Core.Editing;

/// <summary>
/// Merges an edit with a save that came in between, both made from the same base revision (diff3 semantics).
/// The text is compared per block (a paragraph, list, table or heading with its blank lines); where both sides
/// changed the same block, the block is merged again per word, which resolves changes to different sentences of
/// one paragraph. Overlapping changes are never guessed: they come back as conflicts, each with base, mine and
/// theirs, and the rest merged. Pure: no I/O, no clock. docs/ARCHITECTURE.md ("Three-way merge") has the rules.
/// </summary>
public static class ThreeWayMerge
{
    /// <param name="baseText">The revision both edits started from.</param>
    /// <param name="mine">This edit (what the person in the editor typed).</param>
    /// <param name="theirs">The current text: what was saved meanwhile.</param>
    public static MergeResult Merge(string baseText, string mine, string theirs)
    {
        var (baseCore, baseEnd) = Split(ProseTokens.NormalizeForComparison(baseText));
        var mineNormalized = ProseTokens.NormalizeForComparison(mine);
        var (mineCore, mineEnd) = Split(mineNormalized);
        var (theirCore, theirEnd) = Split(ProseTokens.NormalizeForComparison(theirs));

        // The line breaks after the last line are not content; keep this edit's unless only the other save changed them.
        var ending = mineEnd == baseEnd ? theirEnd : mineEnd;

        var baseBlocks = ProseTokens.Blocks(baseCore);
        var mineBlocks = ProseTokens.Blocks(mineCore);
        var theirBlocks = ProseTokens.Blocks(theirCore);

        var regions = new List<MergeRegion>();
        var conflicts = 0;
        foreach (var chunk in Diff3.Merge(baseBlocks, mineBlocks, theirBlocks, Closeness.Blocks))
        {
            var b = Join(baseBlocks, chunk.BaseStart, chunk.BaseEnd);
            var m = Join(mineBlocks, chunk.MineStart, chunk.MineEnd);
            var t = Join(theirBlocks, chunk.TheirStart, chunk.TheirEnd);
            MergeRegion region = chunk.Kind switch
            {
                ChunkKind.Stable => new UnchangedRegion(b),
                ChunkKind.Mine => new ChangedRegion(MergeSource.Mine, b, m),
                ChunkKind.Theirs => new ChangedRegion(MergeSource.Theirs, b, t),
                ChunkKind.Same => new ChangedRegion(MergeSource.Both, b, m),
                _ => Refine(b, m, t, conflicts),
            };
            if (region is ConflictRegion)
            {
                conflicts++;
            }

            if (region.Text.Length > 0 || region is not UnchangedRegion)
            {
                regions.Add(region);
            }
        }

        return new MergeResult(regions, ending, mineNormalized);
    }

    /// <summary>Both sides changed the same blocks: merge them per word, else let a white-space-only change yield, else a conflict.</summary>
    private static MergeRegion Refine(string b, string m, string t, int conflictIndex)
    {
        var baseWords = ProseTokens.Words(b);
        var mineWords = ProseTokens.Words(m);
        var theirWords = ProseTokens.Words(t);
        var chunks = Diff3.Merge(baseWords, mineWords, theirWords, Closeness.Words);
        if (chunks.All(c => c.Kind != ChunkKind.Conflict))
        {
            var merged = new StringBuilder(Math.Max(m.Length, t.Length));
            foreach (var chunk in chunks)
            {
                merged.Append(chunk.Kind == ChunkKind.Theirs
                    ? Join(theirWords, chunk.TheirStart, chunk.TheirEnd)
                    : Join(mineWords, chunk.MineStart, chunk.MineEnd));
            }

            return new ChangedRegion(MergeSource.Combined, b, merged.ToString());
        }

        // Trailing spaces or a doubled space are invisible in the editor; such a change gives way to a real one.
        if (SameApartFromSpaces(baseWords, mineWords))
        {
            return new ChangedRegion(MergeSource.Theirs, b, t);
        }

        if (SameApartFromSpaces(baseWords, theirWords))
        {
            return new ChangedRegion(MergeSource.Mine, b, m);
        }

        return new ConflictRegion(conflictIndex, b, m, t);
    }

    private static bool SameApartFromSpaces(string[] a, string[] b) =>
        a.Where(p => p == "\n" || !ProseTokens.IsSpace(p)).SequenceEqual(b.Where(p => p == "\n" || !ProseTokens.IsSpace(p)));

    private static (string Core, string Ending) Split(string text)
    {
        var core = text.TrimEnd('\n');
        return (core, text[core.Length..]);
    }

    private static string Join(string[] pieces, int start, int end) => end <= start ? string.Empty : string.Concat(pieces.AsSpan(start, end - start));
}
