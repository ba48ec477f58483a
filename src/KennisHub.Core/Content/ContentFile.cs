using KennisHub.Core.Markdown;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KennisHub.Core.Content;

/// <summary>
/// The front matter fields of every kind of content file (organisaties/, themas/, kennis/); see content/README.md.
/// Unknown keys are an error, so a typo ("keyword:") is reported instead of silently dropped.
/// </summary>
public sealed class FrontMatter
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Website { get; set; }

    public string? CbsCode { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Visibility { get; set; }

    public string? Organisation { get; set; }

    public string? Author { get; set; }

    /// <summary>The day the text was written, as yyyy-MM-dd (kennis/ only).</summary>
    public string? Written { get; set; }

    public List<string>? Themes { get; set; }

    public List<string>? Keywords { get; set; }
}

/// <summary>A content file split into its front matter and its Markdown body.</summary>
public sealed record ContentFile(FrontMatter FrontMatter, string Body)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses a file's text; throws <see cref="ContentException"/> with a Dutch message on bad front matter.</summary>
    public static ContentFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Markdig finds the front matter block with the same rules the renderer uses.
        var document = Markdig.Markdown.Parse(text, MarkdownRenderer.MarkdownPipeline);
        var block = MarkdownRenderer.FindFrontMatter(document)
            ?? throw new ContentException("geen front matter gevonden: het bestand moet beginnen met een regel '---', de velden, en weer '---'.");

        var lines = text.Substring(block.Span.Start, block.Span.Length).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            lines.RemoveAt(0);
        }

        if (lines.Count > 0 && lines[^1].Trim() is "---" or "...")
        {
            lines.RemoveAt(lines.Count - 1);
        }

        FrontMatter? frontMatter;
        try
        {
            frontMatter = Yaml.Deserialize<FrontMatter>(string.Join('\n', lines));
        }
        catch (YamlException exception)
        {
            var line = exception.Start.Line + 1; // +1: the opening '---' is line 1 of the file.
            var detail = (exception.InnerException ?? exception).Message;
            throw new ContentException($"de front matter is geen geldige YAML of bevat een onbekend veld (regel {line}): {detail}", exception);
        }

        var body = block.Span.End + 1 < text.Length ? text[(block.Span.End + 1)..] : string.Empty;
        // Line endings normalised so that a checkout with CRLF does not count as a changed text.
        var trimmed = body.ReplaceLineEndings("\n").TrimStart('\n').TrimEnd();
        return new ContentFile(frontMatter ?? new FrontMatter(), trimmed.Length == 0 ? string.Empty : trimmed + "\n");
    }
}

/// <summary>A content file that cannot be imported; the message is Dutch and is shown with the file's name.</summary>
public sealed class ContentException : Exception
{
    public ContentException()
    {
    }

    public ContentException(string message)
        : base(message)
    {
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
