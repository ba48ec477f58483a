using System.Security.Cryptography;
using System.Text;

namespace KennisHub.Core.Revisions;

/// <summary>A revision's fingerprint and length, both measured on its normalized Markdown.</summary>
public readonly record struct RevisionMeasure(string Fingerprint, int Length);

/// <summary>
/// The SHA-256 fingerprint of a revision's Markdown, as endorsements bind to it and a printed copy is checked
/// against it (docs/ARCHITECTURE.md, "Revision fingerprints"). The text is normalized first, so the fingerprint
/// does not change with how a text was typed, stored or copied:
/// <list type="number">
/// <item>a byte order mark (U+FEFF) at the very start is removed;</item>
/// <item>line endings become LF: CRLF first, then a lone CR;</item>
/// <item>Unicode normalization form C (composed characters: "é" is U+00E9, not "e" + U+0301);</item>
/// <item>white space at the end of every line is removed: every character .NET's <c>char.IsWhiteSpace</c>
///   calls white space (Unicode White_Space: space, tab, no-break space U+00A0, U+2000-U+200A, U+3000...);</item>
/// <item>line breaks at the end of the text are removed (so trailing blank lines go too); nothing else changes.</item>
/// </list>
/// The fingerprint is SHA-256 over the UTF-8 bytes (no byte order mark) of the result, as 64 lower-case
/// hexadecimal digits. The length is the number of Unicode code points of the same normalized text.
/// </summary>
public static class RevisionFingerprint
{
    /// <summary>The normalized text the fingerprint is computed over.</summary>
    public static string Normalize(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.StartsWith('\uFEFF') ? markdown[1..] : markdown;
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = text.Normalize(NormalizationForm.FormC);

        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            builder.Append(line.AsSpan().TrimEnd()).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>The fingerprint (64 lower-case hex digits) of a Markdown text.</summary>
    public static string Compute(string markdown) => Measure(markdown).Fingerprint;

    /// <summary>Fingerprint and length in one normalization.</summary>
    public static RevisionMeasure Measure(string markdown)
    {
        var normalized = Normalize(markdown);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        var length = 0;
        foreach (var _ in normalized.EnumerateRunes())
        {
            length++;
        }

        return new RevisionMeasure(Convert.ToHexStringLower(hash), length);
    }

    /// <summary>True when a text (a pasted or scanned copy) has exactly this fingerprint after normalization.</summary>
    public static bool Matches(string markdown, string fingerprint) =>
        string.Equals(Compute(markdown), fingerprint?.Trim(), StringComparison.OrdinalIgnoreCase);
}
