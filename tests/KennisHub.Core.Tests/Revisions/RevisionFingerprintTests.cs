using System.Text;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Tests.Revisions;

public sealed class RevisionFingerprintTests
{
    [Fact]
    public void The_fingerprint_is_SHA256_of_the_UTF8_text_in_lower_case_hex()
    {
        RevisionFingerprint.Compute(string.Empty).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        RevisionFingerprint.Compute("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public void Line_endings_do_not_change_the_fingerprint()
    {
        var lf = RevisionFingerprint.Compute("# Kop\n\nTekst\nmeer");

        RevisionFingerprint.Compute("# Kop\r\n\r\nTekst\r\nmeer").ShouldBe(lf);
        RevisionFingerprint.Compute("# Kop\r\rTekst\rmeer").ShouldBe(lf);
    }

    [Fact]
    public void Composed_and_decomposed_accents_give_one_fingerprint()
    {
        const string text = "Ideeën voor één coöperatie, geïnteresseerd in café's";

        RevisionFingerprint.Compute(text.Normalize(NormalizationForm.FormD)).ShouldBe(RevisionFingerprint.Compute(text));
        RevisionFingerprint.Normalize(text.Normalize(NormalizationForm.FormD)).ShouldBe(text.Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public void Trailing_white_space_per_line_trailing_blank_lines_and_a_byte_order_mark_are_removed()
    {
        RevisionFingerprint.Normalize("\uFEFFKop \t\u00A0\nTekst  \n\n \n\n").ShouldBe("Kop\nTekst");
        RevisionFingerprint.Compute("Kop\nTekst\n").ShouldBe(RevisionFingerprint.Compute("Kop\nTekst"));
    }

    [Fact]
    public void Everything_else_counts_leading_spaces_blank_lines_inside_and_letter_case()
    {
        var text = RevisionFingerprint.Compute("Kop\n\nTekst");

        RevisionFingerprint.Compute("Kop\n\n\nTekst").ShouldNotBe(text);
        RevisionFingerprint.Compute("Kop\n\n  Tekst").ShouldNotBe(text);
        RevisionFingerprint.Compute("\nKop\n\nTekst").ShouldNotBe(text);
        RevisionFingerprint.Compute("kop\n\nTekst").ShouldNotBe(text);
        RevisionFingerprint.Compute("Kop\n\nTekst.").ShouldNotBe(text);
    }

    [Fact]
    public void Length_counts_code_points_of_the_normalized_text()
    {
        RevisionFingerprint.Measure("één\r\n").Length.ShouldBe(3);
        RevisionFingerprint.Measure("e\u0301e\u0301n").Length.ShouldBe(3);
        RevisionFingerprint.Measure("🌳 boom").Length.ShouldBe(6);
    }

    [Fact]
    public void A_copy_matches_its_fingerprint_whatever_the_case_of_the_hex_digits()
    {
        var fingerprint = RevisionFingerprint.Compute("Standpunt\n\nDe tekst.");

        RevisionFingerprint.Matches("Standpunt\r\n\r\nDe tekst.  \r\n", fingerprint.ToUpperInvariant()).ShouldBeTrue();
        RevisionFingerprint.Matches("Standpunt\n\nDe tekst!", fingerprint).ShouldBeFalse();
    }
}
