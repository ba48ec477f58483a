using BenchmarkDotNet.Attributes;
using KennisHub.Core.Bulk;
using KennisHub.Core.Markdown;

namespace KennisHub.Benchmarks;

/// <summary>
/// The Markdown pipeline on save: a generated 2,000-word Dutch article (headings, lists, tables) through Markdig
/// alone and through the whole <see cref="MarkdownRenderer"/> (link filter, table classes, HtmlSanitizer, plain text).
/// The difference is what the sanitizer costs; it runs on every save and on every article seed-bulk writes.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private readonly MarkdownRenderer renderer = new();
    private string markdown = "";

    [GlobalSetup]
    public void Setup()
    {
        var article = new DutchTextGenerator(seed: 2026).Article(1, 2_000, 2_000);
        markdown = article.Markdown;
    }

    [Benchmark(Baseline = true)]
    public string MarkdigOnly() => Markdig.Markdown.ToHtml(markdown, MarkdownRenderer.MarkdownPipeline);

    [Benchmark]
    public RenderedMarkdown PipelineWithSanitizer() => renderer.Render(markdown);
}

/// <summary>The corpus generator itself: what one generated article costs before rendering (seed-bulk, search benchmark).</summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private readonly DutchTextGenerator generator = new(seed: 2026);
    private int index;

    [GlobalSetup]
    public void Setup() => _ = DutchCorpus.Instance;

    [Benchmark]
    public GeneratedText GenerateArticle() => generator.Article(index++, 600, 2_000);
}
