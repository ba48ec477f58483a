using System.Globalization;
using System.Text;

namespace KennisHub.Core.Editing;

/// <summary>
/// How the merge and the revision comparison cut Markdown prose into pieces: first into blocks (a paragraph, list,
/// table or heading with the blank lines after it), then a changed block into words, white space and punctuation.
/// Pieces always concatenate back to exactly the text they came from.
/// </summary>
public static class ProseTokens
{
    /// <summary>
    /// Line endings to LF (CRLF and a lone CR) and Unicode NFC, so that a text typed on Windows or pasted with
    /// decomposed accents ("e" + U+0301) compares equal to the same text stored before.
    /// </summary>
    public static string NormalizeForComparison(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lf = text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
        return lf.IsNormalized(NormalizationForm.FormC) ? lf : lf.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Blocks of a normalized text without trailing line breaks: each block is a run of non-blank lines followed by
    /// the blank lines after it (blank lines at the very start belong to the first block). Every block ends with
    /// "\n\n" or more, the last one too (the caller strips what was added), so appending or removing the last
    /// paragraph is a plain insertion or deletion of a block, never a change to its neighbour.
    /// </summary>
    public static string[] Blocks(string textWithoutTrailingLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(textWithoutTrailingLineBreaks);
        if (textWithoutTrailingLineBreaks.Length == 0)
        {
            return [];
        }

        var text = textWithoutTrailingLineBreaks + "\n\n";
        var blocks = new List<string>();
        var start = 0;
        var position = 0;
        var seenContent = false;
        var previousBlank = false;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var blank = text.AsSpan(position, end - position).IsWhiteSpace();
            if (!blank && seenContent && previousBlank)
            {
                blocks.Add(text[start..position]);
                start = position;
            }

            seenContent |= !blank;
            previousBlank = blank;
            position = end + 1;
        }

        blocks.Add(text[start..]);
        return [.. blocks];
    }

    /// <summary>
    /// Words, white space and punctuation of a text. A word is a run of letters, combining marks and digits, with an
    /// apostrophe or hyphen inside it kept ("thema's", "zo'n", "Noord-Holland", "e-mail"); each line break is a
    /// piece of its own; other white space runs are one piece; a run of one repeated punctuation character is one
    /// piece ("**", "##", "...") and other punctuation is one piece per character.
    /// </summary>
    public static string[] Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            var first = Rune.GetRuneAt(text, position);
            var kind = KindOf(first);
            position += first.Utf16SequenceLength;
            switch (kind)
            {
                case PieceKind.LineBreak:
                    break;
                case PieceKind.Space:
                    while (position < text.Length && KindOf(Rune.GetRuneAt(text, position)) == PieceKind.Space)
                    {
                        position += Rune.GetRuneAt(text, position).Utf16SequenceLength;
                    }

                    break;
                case PieceKind.Word:
                    while (position < text.Length)
                    {
                        var next = Rune.GetRuneAt(text, position);
                        if (KindOf(next) == PieceKind.Word)
                        {
                            position += next.Utf16SequenceLength;
                        }
                        else if (IsJoiner(next) && position + 1 < text.Length && KindOf(Rune.GetRuneAt(text, position + 1)) == PieceKind.Word)
                        {
                            position += next.Utf16SequenceLength;
                        }
                        else
                        {
                            break;
                        }
                    }

                    break;
                default:
                    while (position < text.Length && Rune.GetRuneAt(text, position) == first)
                    {
                        position += first.Utf16SequenceLength;
                    }

                    break;
            }

            pieces.Add(text[start..position]);
        }

        return [.. pieces];
    }

    /// <summary>True for a piece that is only white space (line breaks included).</summary>
    public static bool IsSpace(string piece) => piece.AsSpan().IsWhiteSpace();

    /// <summary>True for a piece that is a word (letters or digits), not white space or punctuation.</summary>
    public static bool IsWord(string piece) => piece.Length > 0 && KindOf(Rune.GetRuneAt(piece, 0)) == PieceKind.Word;

    private static bool IsJoiner(Rune rune) => rune.Value is '\'' or '\u2019' or '-';

    private enum PieceKind
    {
        Word,
        Space,
        LineBreak,
        Punctuation,
    }

    private static PieceKind KindOf(Rune rune)
    {
        if (rune.Value == '\n')
        {
            return PieceKind.LineBreak;
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return PieceKind.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => PieceKind.Word,
            _ => PieceKind.Punctuation,
        };
    }
}
