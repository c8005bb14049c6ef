using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Benchmarks;

/// <summary>
/// Extraction of one report, from bytes in memory: the text alone (the format's reader) and the
/// full metadata record (reader, hash and every field), for documents of 2, 20 and 40 pages.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly MetadataExtractor extractor = DocumentReaders.Extractor();
    private byte[] document = [];
    private static readonly ExtractionOptions Limits = new();
    private IDocumentReader reader = null!;

    [Params("docx", "pdf", "txt")]
    public string Format { get; set; } = "docx";

    [Params(2, 20, 40)]
    public int Pages { get; set; }

    public static IEnumerable<(string Format, int Pages, byte[] Bytes)> Documents() =>
        from format in new[] { "docx", "pdf", "txt" }
        from pages in new[] { 2, 20, 40 }
        select (format, pages, Render(format, pages));

    public static byte[] Render(string format, int pages) => FixtureRenderer.Render(FixtureReport.Load("en-who-health").Lengthened(pages), format);

    [GlobalSetup]
    public void Setup()
    {
        document = Render(Format, Pages);
        reader = Format switch
        {
            "docx" => new DocxReader(Options.Create(Limits)),
            "pdf" => new PdfReader(Options.Create(Limits)),
            _ => new PlainTextReader(Options.Create(Limits)),
        };
    }

    [Benchmark]
    public int TextOnly()
    {
        using var content = new MemoryStream(document, writable: false);
        return reader.Read(content, new ReadBudget(Limits, CancellationToken.None)).Text.Length;
    }

    [Benchmark]
    public async Task<int> FullMetadata()
    {
        using var content = new MemoryStream(document, writable: false);
        return (await extractor.ExtractAsync(content, "report", CancellationToken.None)).WordCount;
    }
}
