using System.Text.Json;
using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Benchmarks;

/// <summary>
/// Per field, how many documents give exactly the expected value: the fixtures (every report in
/// every format it is rendered to) and the independent corpus (DOCX and PDF built by LibreOffice
/// and pandoc), the corpus also by format and by language, as Markdown tables.
/// </summary>
public static class FieldAccuracy
{
    private static readonly string[] FixtureFields = ["language", "symbol", "meeting", "title", "documentDate", "reportingPeriod", "referencedDocuments", "conventionArticles", "organizations"];

    public static async Task<int> PrintAsync(TextWriter output, string? only = null)
    {
        var extractor = DocumentReaders.Extractor();
        var fixtures = await FixtureResultsAsync(extractor);
        var corpus = await CorpusResultsAsync(extractor, only);

        await output.WriteLineAsync($"| field | fixtures ({fixtures.Count} documents) | corpus ({corpus.Count} documents) |");
        await output.WriteLineAsync("|---|---|---|");
        foreach (var field in CorpusDocument.Fields)
        {
            var fixtureCell = FixtureFields.Contains(field) ? Rate(fixtures, field) : "not in the fixtures";
            await output.WriteLineAsync($"| {field} | {fixtureCell} | {Rate(corpus, field)} |");
        }

        await output.WriteLineAsync($"| mean over fields | {Mean(fixtures, FixtureFields):0.000} | {Mean(corpus, CorpusDocument.Fields):0.000} |");
        await output.WriteLineAsync();
        await Breakdown(output, "format", corpus.GroupBy(r => r.Format));
        await output.WriteLineAsync();
        await Breakdown(output, "language", corpus.GroupBy(r => r.Language));
        foreach (var miss in corpus.SelectMany(r => r.Wrong.Select(w => $"{r.File} {w.Field}: expected {w.Expected}, got {w.Actual}")))
        {
            await output.WriteLineAsync($"  wrong: {miss}");
        }

        return 0;
    }

    private static async Task Breakdown(TextWriter output, string by, IEnumerable<IGrouping<string, Result>> groups)
    {
        await output.WriteLineAsync($"| {by} | documents | mean over fields | fields wrong |");
        await output.WriteLineAsync("|---|---|---|---|");
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var results = group.ToList();
            var wrong = results.SelectMany(r => r.Wrong).GroupBy(w => w.Field).Select(g => $"{g.Key} ×{g.Count()}");
            await output.WriteLineAsync($"| {group.Key} | {results.Count} | {Mean(results, CorpusDocument.Fields):0.000} | {string.Join(", ", wrong)} |");
        }
    }

    private static string Rate(IReadOnlyList<Result> results, string field)
    {
        var right = results.Count(r => r.Wrong.All(w => w.Field != field));
        return $"{right}/{results.Count} ({(double)right / Math.Max(1, results.Count):0.000})";
    }

    private static double Mean(IReadOnlyList<Result> results, IReadOnlyCollection<string> fields) =>
        results.Count == 0 ? 0 : fields.Average(f => results.Count(r => r.Wrong.All(w => w.Field != f)) / (double)results.Count);

    private static async Task<List<Result>> FixtureResultsAsync(MetadataExtractor extractor)
    {
        var results = new List<Result>();
        foreach (var (report, format) in FixtureReport.Names.Select(FixtureReport.Load).SelectMany(r => FixtureRenderer.FormatsFor(r).Select(f => (r, f))))
        {
            using var content = new MemoryStream(FixtureRenderer.Render(report, format));
            var actual = JsonSerializer.SerializeToElement(await extractor.ExtractAsync(content, report.Name, CancellationToken.None), ReportingJson.Options);
            var wrong = FixtureFields
                .Where(f => !JsonElement.DeepEquals(report.Expected.GetProperty(f), actual.GetProperty(f)))
                .Select(f => (f, report.Expected.GetProperty(f).ToString(), actual.GetProperty(f).ToString()))
                .ToList();
            results.Add(new Result($"{report.Name}.{format}", format, report.Language, wrong));
        }

        return results;
    }

    private static async Task<List<Result>> CorpusResultsAsync(MetadataExtractor extractor, string? only)
    {
        var results = new List<Result>();
        foreach (var document in CorpusDocument.All().Where(d => only is null || d.Name.Contains(only, StringComparison.Ordinal)))
        {
            await using var content = File.OpenRead(document.Path);
            var actual = JsonSerializer.SerializeToElement(await extractor.ExtractAsync(content, document.File, CancellationToken.None), ReportingJson.Options);
            results.Add(new Result(document.File, document.Format, document.Language, document.Differences(actual).ToList()));
        }

        return results;
    }

    private sealed record Result(string File, string Format, string Language, List<(string Field, string Expected, string Actual)> Wrong);
}
