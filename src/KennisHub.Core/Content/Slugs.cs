using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KennisHub.Core.Content;

/// <summary>Slugs: the lower-case, hyphenated names in URLs (/kennis/{slug}); also the import's identity of a text.</summary>
public static partial class Slugs
{
    /// <summary>"'s-Gravenhage" -> "s-gravenhage", "Súdwest-Fryslân" -> "sudwest-fryslan", "Beek (L.)" -> "beek-l".</summary>
    public static string Slugify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(lower);
                pendingHyphen = false;
            }
            else if (lower != '\'' && lower != '\u2019')
            {
                // Apostrophes vanish ("'s-Hertogenbosch"); every other run of non-letters becomes one hyphen.
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-case letters and digits in groups joined by single hyphens, at most 200 characters.</summary>
    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= 200 } && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
