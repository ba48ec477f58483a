using BenchmarkDotNet.Running;

// Every public class with [Benchmark] methods in this assembly; pick with --filter (e.g. --filter '*Markdown*').
BenchmarkSwitcher.FromAssembly(typeof(KennisHub.Benchmarks.MarkdownBenchmarks).Assembly).Run(args);
