using System.Text;
using KennisHub.Core.Identity;

namespace KennisHub.Core.Tests.Identity;

public sealed class TotpTests
{
    [Theory]
    [InlineData(59L, 287082)]
    [InlineData(1111111109L, 81804)]
    [InlineData(1234567890L, 5924)]
    public void Codes_match_the_RFC_6238_SHA1_test_vectors(long unixSeconds, int sixDigits)
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890"; the RFC prints 8 digits, we use the last 6.
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var step = OneTimeAuthenticatorTokenProvider.CurrentTimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Totp.Compute(key, step).ShouldBe(sixDigits);
    }

    [Fact]
    public void Base32_keys_decode_as_RFC_4648_says()
    {
        Encoding.ASCII.GetString(Totp.FromBase32("MZXW6YTBOI")).ShouldBe("foobar");
        Encoding.ASCII.GetString(Totp.FromBase32("mzxw 6ytb oi======")).ShouldBe("foobar");
        Should.Throw<FormatException>(() => Totp.FromBase32("MZXW6YTB01"));
    }
}

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("1234567890")]
    [InlineData("wachtwoord123")]
    [InlineData("Wachtwoord2024!")]
    [InlineData("welkom123456")]
    [InlineData("welkomwelkom")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("Sunshine!!!!")]
    [InlineData("qwerty123456")]
    public void Common_passwords_and_padded_common_words_are_refused(string password)
        => CommonPasswordValidator.IsCommon(password).ShouldBeTrue();

    [Theory]
    [InlineData("fietsen langs de IJssel in mei")]
    [InlineData("groenbeheer-kampen-2031")]
    [InlineData("Zomer in Zwolle met de hond")]
    public void Ordinary_passphrases_pass(string password)
        => CommonPasswordValidator.IsCommon(password).ShouldBeFalse();
}
