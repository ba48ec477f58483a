using DiffPlex;
using DiffPlex.Model;

namespace KennisHub.Core.Editing;

/// <summary>Where a piece of merged text came from.</summary>
internal enum ChunkKind
{
    /// <summary>All three agree.</summary>
    Stable,

    /// <summary>Only this edit changed it.</summary>
    Mine,

    /// <summary>Only the save that came in between changed it.</summary>
    Theirs,

    /// <summary>Both made the same change.</summary>
    Same,

    /// <summary>Both changed it differently.</summary>
    Conflict,
}

/// <summary>How close two changes from different sides may come before they overlap.</summary>
internal enum Closeness
{
    /// <summary>
    /// Blocks: changes overlap when they share a block, or insert at the same place; changes to neighbouring blocks
    /// are independent (a block carries its own paragraph break).
    /// </summary>
    Blocks,

    /// <summary>
    /// Words: changes also overlap when nothing but white space separates them (neighbouring words are one phrase),
    /// unless both only delete.
    /// </summary>
    Words,
}

/// <summary>One piece of a three-way merge: ranges in base, mine and theirs (end exclusive).</summary>
internal readonly record struct Diff3Chunk(ChunkKind Kind, int BaseStart, int BaseEnd, int MineStart, int MineEnd, int TheirStart, int TheirEnd);

/// <summary>
/// diff3 over pieces (blocks or words): two two-way diffs from DiffPlex (base to mine, base to theirs), their
/// changes laid over each other on the base. Where only one side changed a stretch, that side's text is taken;
/// where both changed overlapping stretches, the chunk is a conflict unless both made the same change. A pure
/// insertion or deletion that could equally sit a piece earlier or later (a repeated blank line, a repeated word)
/// is slid to where it does not touch the other side's change, so an arbitrary choice of the diff never makes a
/// conflict by itself.
/// </summary>
internal static class Diff3
{
    private const int MaxSlide = 64;

    private static readonly Differ Differ = new();

    private readonly record struct Hunk(int BaseStart, int BaseEnd, int SideStart, int SideEnd)
    {
        public bool IsInsertion => BaseStart == BaseEnd;

        public bool IsDeletion => SideStart == SideEnd && BaseEnd > BaseStart;
    }

    public static List<Diff3Chunk> Merge(string[] basePieces, string[] mine, string[] theirs, Closeness closeness)
    {
        var mineHunks = Hunks(basePieces, mine);
        var theirHunks = Hunks(basePieces, theirs);
        Slide(basePieces, mine, mineHunks, theirHunks, closeness);
        Slide(basePieces, theirs, theirHunks, mineHunks, closeness);

        var all = mineHunks.Select(h => (Hunk: h, Mine: true))
            .Concat(theirHunks.Select(h => (Hunk: h, Mine: false)))
            .OrderBy(x => x.Hunk.BaseStart).ThenBy(x => x.Hunk.BaseEnd).ThenBy(x => x.Mine ? 0 : 1)
            .ToList();

        var chunks = new List<Diff3Chunk>();
        int position = 0, mineDelta = 0, theirDelta = 0, index = 0;
        while (index < all.Count)
        {
            var lo = all[index].Hunk.BaseStart;
            var hi = all[index].Hunk.BaseEnd;
            var members = new List<(Hunk Hunk, bool Mine)> { all[index] };
            index++;
            while (index < all.Count)
            {
                var next = all[index];
                var joins = next.Hunk.BaseStart < hi
                    || members.Any(m => m.Mine != next.Mine && Overlap(basePieces, m.Hunk, next.Hunk, closeness));
                if (!joins)
                {
                    break;
                }

                members.Add(next);
                hi = Math.Max(hi, next.Hunk.BaseEnd);
                index++;
            }

            if (lo > position)
            {
                chunks.Add(new Diff3Chunk(ChunkKind.Stable, position, lo, position + mineDelta, lo + mineDelta, position + theirDelta, lo + theirDelta));
            }

            var (mineStart, mineEnd, mineChanged) = SideRange(members, mine: true, lo, hi, mineDelta);
            var (theirStart, theirEnd, theirChanged) = SideRange(members, mine: false, lo, hi, theirDelta);
            var kind = (mineChanged, theirChanged) switch
            {
                (true, false) => ChunkKind.Mine,
                (false, true) => ChunkKind.Theirs,
                _ => mine.AsSpan(mineStart, mineEnd - mineStart).SequenceEqual(theirs.AsSpan(theirStart, theirEnd - theirStart))
                    ? ChunkKind.Same
                    : ChunkKind.Conflict,
            };
            chunks.Add(new Diff3Chunk(kind, lo, hi, mineStart, mineEnd, theirStart, theirEnd));
            mineDelta = mineEnd - hi;
            theirDelta = theirEnd - hi;
            position = hi;
        }

        if (position < basePieces.Length || chunks.Count == 0)
        {
            chunks.Add(new Diff3Chunk(ChunkKind.Stable, position, basePieces.Length,
                position + mineDelta, basePieces.Length + mineDelta, position + theirDelta, basePieces.Length + theirDelta));
        }

        return chunks;
    }

    /// <summary>The side's range for a group of changes spanning base [lo, hi), and whether the side changed anything there.</summary>
    private static (int Start, int End, bool Changed) SideRange(List<(Hunk Hunk, bool Mine)> members, bool mine, int lo, int hi, int delta)
    {
        var own = members.Where(m => m.Mine == mine).Select(m => m.Hunk).ToList();
        if (own.Count == 0)
        {
            return (lo + delta, hi + delta, false);
        }

        var first = own.MinBy(h => h.BaseStart);
        var last = own.MaxBy(h => h.BaseEnd);
        return (first.SideStart - (first.BaseStart - lo), last.SideEnd + (hi - last.BaseEnd), true);
    }

    private static bool Overlap(string[] basePieces, Hunk a, Hunk b, Closeness closeness)
    {
        bool overlap;
        if (a.IsInsertion && b.IsInsertion)
        {
            overlap = a.BaseStart == b.BaseStart;
        }
        else if (a.IsInsertion || b.IsInsertion)
        {
            var (point, range) = a.IsInsertion ? (a.BaseStart, b) : (b.BaseStart, a);
            overlap = range.BaseStart < point && point < range.BaseEnd;
        }
        else
        {
            overlap = a.BaseStart < b.BaseEnd && b.BaseStart < a.BaseEnd;
        }

        if (overlap || closeness == Closeness.Blocks || (a.IsDeletion && b.IsDeletion))
        {
            return overlap;
        }

        // Words: neighbours when only white space (or nothing) lies between them.
        var (first, second) = a.BaseStart <= b.BaseStart ? (a, b) : (b, a);
        if (first.BaseEnd > second.BaseStart)
        {
            return true;
        }

        for (var i = first.BaseEnd; i < second.BaseStart; i++)
        {
            if (!ProseTokens.IsSpace(basePieces[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Hunk> Hunks(string[] basePieces, string[] side)
    {
        var result = Differ.CreateDiffs(BaseMarker, SideMarker, ignoreWhiteSpace: false, ignoreCase: false, new PrecutChunker(basePieces, side));
        return result.DiffBlocks
            .Select(b => new Hunk(b.DeleteStartA, b.DeleteStartA + b.DeleteCountA, b.InsertStartB, b.InsertStartB + b.InsertCountB))
            .ToList();
    }

    /// <summary>Moves pure insertions and deletions of one side away from the other side's changes where the text allows.</summary>
    private static void Slide(string[] basePieces, string[] side, List<Hunk> hunks, List<Hunk> others, Closeness closeness)
    {
        for (var i = 0; i < hunks.Count; i++)
        {
            var hunk = hunks[i];
            if (!(hunk.IsInsertion || hunk.IsDeletion) || !others.Any(o => Overlap(basePieces, hunk, o, closeness)))
            {
                continue;
            }

            var previousEnd = i > 0 ? hunks[i - 1].BaseEnd : 0;
            var nextStart = i + 1 < hunks.Count ? hunks[i + 1].BaseStart : basePieces.Length;
            Hunk? up = hunk, down = hunk;
            for (var step = 1; step <= MaxSlide && (up is not null || down is not null); step++)
            {
                up = up is { } u ? StepUp(basePieces, side, u, previousEnd) : null;
                if (up is { } movedUp && !others.Any(o => Overlap(basePieces, movedUp, o, closeness)))
                {
                    hunks[i] = movedUp;
                    break;
                }

                down = down is { } d ? StepDown(basePieces, side, d, nextStart) : null;
                if (down is { } movedDown && !others.Any(o => Overlap(basePieces, movedDown, o, closeness)))
                {
                    hunks[i] = movedDown;
                    break;
                }
            }
        }
    }

    private static Hunk? StepUp(string[] basePieces, string[] side, Hunk h, int previousEnd)
    {
        if (h.IsDeletion)
        {
            return h.BaseStart > previousEnd && basePieces[h.BaseStart - 1] == basePieces[h.BaseEnd - 1]
                ? new Hunk(h.BaseStart - 1, h.BaseEnd - 1, h.SideStart - 1, h.SideEnd - 1)
                : null;
        }

        return h.BaseStart > previousEnd && h.SideStart > 0 && side[h.SideStart - 1] == side[h.SideEnd - 1]
            ? new Hunk(h.BaseStart - 1, h.BaseEnd - 1, h.SideStart - 1, h.SideEnd - 1)
            : null;
    }

    private static Hunk? StepDown(string[] basePieces, string[] side, Hunk h, int nextStart)
    {
        if (h.IsDeletion)
        {
            return h.BaseEnd < nextStart && basePieces[h.BaseStart] == basePieces[h.BaseEnd]
                ? new Hunk(h.BaseStart + 1, h.BaseEnd + 1, h.SideStart + 1, h.SideEnd + 1)
                : null;
        }

        return h.BaseStart < nextStart && h.SideEnd < side.Length && side[h.SideStart] == side[h.SideEnd]
            ? new Hunk(h.BaseStart + 1, h.BaseEnd + 1, h.SideStart + 1, h.SideEnd + 1)
            : null;
    }

    /// <summary>The two-way diff of two piece arrays (DiffPlex compares pieces, then reports blocks of change).</summary>
    internal static IList<DiffBlock> TwoWay(string[] oldPieces, string[] newPieces) =>
        Differ.CreateDiffs(BaseMarker, SideMarker, ignoreWhiteSpace: false, ignoreCase: false, new PrecutChunker(oldPieces, newPieces)).DiffBlocks;

    // DiffPlex asks a chunker to cut its two input strings; these two distinct instances stand for pieces cut already.
    private static readonly string BaseMarker = new('a', 1);
    private static readonly string SideMarker = new('b', 1);

    private sealed class PrecutChunker(string[] oldPieces, string[] newPieces) : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => ReferenceEquals(text, BaseMarker) ? oldPieces : newPieces;
    }
}
