using System.IO.Compression;
using System.Text;
using KennisHub.Core.Attachments;

namespace KennisHub.Core.Tests.Attachments;

public sealed class AttachmentTypesTests
{
    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.ASCII);
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static TheoryData<byte[], string> Recognised() => new()
    {
        { new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "image/png" },
        { new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg" },
        { "GIF89a\x01\x00"u8.ToArray(), "image/gif" },
        { "RIFF\x10\x00\x00\x00WEBPVP8 "u8.ToArray(), "image/webp" },
        { "%PDF-1.7\n"u8.ToArray(), "application/pdf" },
        { Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), AttachmentTypes.Docx.ContentType },
        { Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), AttachmentTypes.Xlsx.ContentType },
        { Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>")), AttachmentTypes.Odt.ContentType },
    };

    [Theory]
    [MemberData(nameof(Recognised))]
    public void A_type_is_recognised_from_its_content(byte[] content, string contentType)
        => AttachmentTypes.Detect(content)!.ContentType.ShouldBe(contentType);

    public static TheoryData<byte[]> Refused() => new()
    {
        "<html><script>alert(1)</script></html>"u8.ToArray(),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(),
        "MZ\x90\x00"u8.ToArray(),
        Zip(("evil.exe", "MZ")),
        Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")),
        new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 },
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused_whatever_its_name(byte[] content)
        => AttachmentTypes.Detect(content).ShouldBeNull();

    [Theory]
    [InlineData("Foto berm.png", "Foto berm.png")]
    [InlineData("../../etc/passwd", "passwd.png")]
    [InlineData("C:\\Users\\x\\rapport.exe", "rapport.png")]
    [InlineData("<script>alert(1)</script>.png", "script.png")]
    [InlineData("<img src=x onerror=alert(1)>.png", "img src-x onerror-alert-1.png")]
    [InlineData("", "bijlage.png")]
    [InlineData("...", "bijlage.png")]
    [InlineData("naam\"; filename=evil.html", "naam-- filename-evil.png")]
    public void File_names_keep_only_safe_characters_and_the_extension_of_the_content(string uploaded, string expected)
        => AttachmentTypes.SafeFileName(uploaded, AttachmentTypes.Png).ShouldBe(expected);
}
