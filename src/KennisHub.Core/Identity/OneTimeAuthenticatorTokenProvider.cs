using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace KennisHub.Core.Identity;

/// <summary>
/// The authenticator-app (TOTP, RFC 6238) provider, replacing Identity's own so that a code works only once:
/// the accepted time step is stored and a code from that step or an earlier one is refused. Accepts the current
/// step and one on either side (clock drift of up to 30 seconds).
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(IUserStore<KennisHubUser> store, TimeProvider time) : IUserTwoFactorTokenProvider<KennisHubUser>
{
    /// <summary>The name under which this provider is registered (Identity's TokenOptions.AuthenticatorTokenProvider).</summary>
    public const string ProviderName = "KennisHubAuthenticator";

    private const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<KennisHubUser> manager, KennisHubUser user)
        => !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<KennisHubUser> manager, KennisHubUser user)
        => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<KennisHubUser> manager, KennisHubUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var keyBytes = Totp.FromBase32(key);
        var now = CurrentTimeStep(time.GetUtcNow());
        for (var offset = -1; offset <= 1; offset++)
        {
            var step = now + offset;
            if (Totp.Compute(keyBytes, step) == number)
            {
                return store is IAuthenticatorTimeStepStore steps
                    && await steps.TryUseAuthenticatorTimeStepAsync(user, step, CancellationToken.None);
            }
        }

        return false;
    }

    public static long CurrentTimeStep(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;
}

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps) and the RFC 4648 Base32 that authenticator keys use.</summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static int Compute(byte[] key, long timeStep)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    public static string Format(int code) => code.ToString("D6", CultureInfo.InvariantCulture);

    public static byte[] FromBase32(string input)
    {
        var text = input.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var output = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Ongeldige Base32-sleutel.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return output;
    }
}
