using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>
/// Refuses common passwords (NIST SP 800-63B: check against known-bad lists instead of composition rules).
/// With a 12-character minimum, the real risk is a common word padded to length, so a password is also refused
/// when, after removing trailing digits, punctuation and spaces, what remains is a listed word, or when it is one
/// listed word repeated (welkomwelkom). Lists and their attribution: Identity/Passwords/NOTICE.md.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<KennisHubUser>
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<KennisHubUser> manager, KennisHubUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (password is not null && IsCommon(password))
        {
            var describer = manager.ErrorDescriber as KennisHubIdentityErrorDescriber ?? new KennisHubIdentityErrorDescriber();
            return Task.FromResult(IdentityResult.Failed(describer.PasswordTooCommon()));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var list = CommonPasswords.Value;
        var normalized = password.Trim().ToLowerInvariant();
        if (list.Contains(normalized))
        {
            return true;
        }

        var stem = normalized.TrimEnd();
        while (stem.Length > 0 && (char.IsDigit(stem[^1]) || char.IsPunctuation(stem[^1]) || char.IsSymbol(stem[^1]) || char.IsWhiteSpace(stem[^1])))
        {
            stem = stem[..^1];
        }

        if (stem.Length > 0 && list.Contains(stem))
        {
            return true;
        }

        return IsRepeatOfListed(stem, list);
    }

    private static bool IsRepeatOfListed(string text, FrozenSet<string> list)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length != 0)
            {
                continue;
            }

            var unit = text[..length];
            if (string.Concat(Enumerable.Repeat(unit, text.Length / length)) == text
                && (list.Contains(unit) || unit.Length < 3))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<string> Load()
    {
        var assembly = typeof(CommonPasswordValidator).Assembly;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("passwords/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var word = line.Trim().ToLower(CultureInfo.InvariantCulture);
                if (word.Length > 0)
                {
                    words.Add(word);
                }
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
