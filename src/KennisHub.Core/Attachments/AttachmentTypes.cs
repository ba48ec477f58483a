using System.IO.Compression;
using System.Text;

namespace KennisHub.Core.Attachments;

/// <summary>A type KennisHub accepts, as its content shows it: the served Content-Type, the extension, and whether a page may show it inline.</summary>
public sealed record AttachmentType(string ContentType, string Extension, bool IsImage);

/// <summary>
/// Recognises an upload from its first bytes (and, for the Office formats, the parts inside the zip), never from its
/// name or the browser's Content-Type: PNG, JPEG, GIF, WebP images; PDF, DOCX, XLSX and ODT files. Anything else,
/// SVG and HTML included, is refused (null).
/// </summary>
public static class AttachmentTypes
{
    public static readonly AttachmentType Png = new("image/png", ".png", IsImage: true);
    public static readonly AttachmentType Jpeg = new("image/jpeg", ".jpg", IsImage: true);
    public static readonly AttachmentType Gif = new("image/gif", ".gif", IsImage: true);
    public static readonly AttachmentType WebP = new("image/webp", ".webp", IsImage: true);
    public static readonly AttachmentType Pdf = new("application/pdf", ".pdf", IsImage: false);
    public static readonly AttachmentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", IsImage: false);
    public static readonly AttachmentType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", IsImage: false);
    public static readonly AttachmentType Odt = new("application/vnd.oasis.opendocument.text", ".odt", IsImage: false);

    public static IReadOnlyList<AttachmentType> All { get; } = [Png, Jpeg, Gif, WebP, Pdf, Docx, Xlsx, Odt];

    public static AttachmentType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        return content.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? DetectZip(content.ToArray()) : null;
    }

    /// <summary>DOCX, XLSX and ODT are zips: told apart by the parts they must hold (a zip of anything else is refused).</summary>
    private static AttachmentType? DetectZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype && mimetype.Length < 200)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd() == Odt.ContentType ? Odt : null;
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            return zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file name safe to show and to send in Content-Disposition: the last path segment, letters, digits, spaces,
    /// dots, hyphens and underscores only (anything else becomes a hyphen), at most 100 characters, and always the
    /// extension of the type the content is.
    /// </summary>
    public static string SafeFileName(string? uploadedName, AttachmentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = Path.GetFileNameWithoutExtension((uploadedName ?? string.Empty).Replace('\\', '/').Split('/')[^1]);
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '-');
        }

        var cleaned = safe.ToString().Trim(' ', '.', '-');
        if (cleaned.Length > 100)
        {
            cleaned = cleaned[..100].TrimEnd(' ', '.', '-');
        }

        return (cleaned.Length == 0 ? "bijlage" : cleaned) + type.Extension;
    }
}
