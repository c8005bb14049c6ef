using System.Text.Json;
using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Benchmarks;

/// <summary>Per field, how many fixture documents (every report in every format it is rendered to) give exactly the expected value.</summary>
public static class FieldAccuracy
{
    private static readonly string[] Fields = ["language", "symbol", "meeting", "title", "documentDate", "reportingPeriod", "referencedDocuments", "conventionArticles", "organizations"];

    public static async Task<int> PrintAsync(TextWriter output)
    {
        var extractor = new MetadataExtractor(Options.Create(new ExtractionOptions()));
        var correct = Fields.ToDictionary(f => f, _ => 0);
        var total = 0;
        foreach (var (report, format) in FixtureReport.Names.Select(FixtureReport.Load).SelectMany(r => FixtureRenderer.FormatsFor(r).Select(f => (r, f))))
        {
            using var content = new MemoryStream(FixtureRenderer.Render(report, format));
            var actual = JsonSerializer.SerializeToElement(await extractor.ExtractAsync(content, report.Name, CancellationToken.None), ReportingJson.Options);
            total++;
            foreach (var field in Fields)
            {
                if (JsonElement.DeepEquals(report.Expected.GetProperty(field), actual.GetProperty(field)))
                {
                    correct[field]++;
                }
            }
        }

        await output.WriteLineAsync($"| field | exact on {total} fixture documents |");
        await output.WriteLineAsync("|---|---|");
        foreach (var field in Fields)
        {
            await output.WriteLineAsync($"| {field} | {correct[field]}/{total} ({100.0 * correct[field] / total:0.#} %) |");
        }

        return 0;
    }
}
