using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting.Access;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Submissions;

namespace Minamata.Benchmarks;

/// <summary>
/// Compiling the implementation report (model, Word, HTML and JSON) from 12, 100 and 1,000
/// indexed reports: the twelve fixture reports, each about two pages, repeated under as many
/// partners as it takes.
/// </summary>
[MemoryDiagnoser]
public class CompilationBenchmarks
{
    private static readonly IReadOnlyList<IReportWriter> Writers = ReportWriters.Registered();
    private readonly DecisionMandate decision = DecisionMandate.Load(DecisionMandate.Default)!;
    private CompilationInput input = null!;

    [Params(12, 100, 1000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public async Task Setup() => input = await InputAsync(Reports);

    [Benchmark]
    public int CompileAndWrite() => Compile(input);

    public int Compile(CompilationInput reports)
    {
        var report = ReportCompiler.Compile(decision, reports);
        return Writers.Sum(w => w.Write(report).Length);
    }

    public static async Task<CompilationInput> InputAsync(int count)
    {
        var extractor = DocumentReaders.Extractor();
        var sources = new List<(ReportMetadata Metadata, string Text)>();
        foreach (var name in FixtureReport.Names)
        {
            var text = FixtureReport.Load(name).Lengthened(2).Text;
            var read = await extractor.ExtractWithTextAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), name + ".txt", CancellationToken.None);
            sources.Add((read.Metadata, read.Text));
        }

        var partners = Enumerable.Range(0, (count + 1) / 2).Select(i => new Partner($"P{i:D4}", $"Partner {i}", $"p{i}@x.example", "en")).ToList();
        var reports = Enumerable.Range(0, count).Select(i =>
        {
            var (metadata, text) = sources[i % sources.Count];
            var record = new ReportRecord
            {
                Id = $"P{i / 2:D4}-{i:D26}",
                Partner = $"P{i / 2:D4}",
                Cycle = "COP-7",
                Status = ReportStatus.Indexed,
                FileName = $"report-{i}.docx",
                BlobName = $"P{i / 2:D4}/{i}",
                ReceivedAt = new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                Extracted = metadata,
            };
            return new ReportWithText(record, text);
        }).ToList();
        var cycle = new ReportingCycle("COP-7", "Seventh meeting of the Conference of the Parties", new DateOnly(2027, 11, 1), new DateOnly(2027, 8, 15), partners.Select(p => p.Id).ToList(), [30, 14, 7, 1]);
        return new CompilationInput(cycle, partners, reports);
    }
}
