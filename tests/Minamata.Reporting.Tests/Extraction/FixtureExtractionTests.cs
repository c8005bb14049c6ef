using System.Text.Json;
using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>
/// Every fixture report, in every format it is rendered to, gives its expected metadata field by
/// field: six languages, two reports each; PDF in the four languages the test font covers.
/// </summary>
public sealed class FixtureExtractionTests
{
    private static readonly string[] Fields = ["language", "symbol", "meeting", "title", "documentDate", "reportingPeriod", "referencedDocuments", "conventionArticles", "organizations"];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var name in FixtureReport.Names)
        {
            foreach (var format in FixtureRenderer.FormatsFor(FixtureReport.Load(name)))
            {
                cases.Add(name, format);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_fixture_gives_its_expected_metadata_in_each_format(string name, string format)
    {
        var report = FixtureReport.Load(name);
        var bytes = FixtureRenderer.Render(report, format);

        var metadata = await ExtractAsync(bytes, $"{name}.{format}");

        var actual = JsonSerializer.SerializeToElement(metadata, ReportingJson.Options);
        Assert.Equal(format.Split('-')[0], metadata.Format);
        foreach (var field in Fields)
        {
            Assert.True(
                JsonElement.DeepEquals(report.Expected.GetProperty(field), actual.GetProperty(field)),
                $"{name}.{format} {field}: expected {report.Expected.GetProperty(field)}, got {actual.GetProperty(field)}");
        }

        var words = WordCounter.Count(report.Text);
        Assert.InRange(metadata.WordCount, words * 0.85, words * 1.15);
    }

    [Fact]
    public void There_are_two_reports_in_each_of_the_six_languages_and_three_or_more_languages_per_format()
    {
        var languages = FixtureReport.Names.Select(n => FixtureReport.Load(n).Language).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["ar", "en", "es", "fr", "ru", "zh"], languages.Keys.Order());
        Assert.All(languages.Values, count => Assert.True(count >= 2));
        var formats = Cases().Select(c => (Format: ((string)c[1]).Split('-')[0], Language: FixtureReport.Load((string)c[0]).Language))
            .GroupBy(c => c.Format).ToDictionary(g => g.Key, g => g.Select(c => c.Language).Distinct().Count());
        Assert.Equal(5, formats.Count);
        Assert.All(formats.Values, count => Assert.True(count >= 3));
    }

    internal static async Task<ReportMetadata> ExtractAsync(byte[] bytes, string file, ExtractionOptions? options = null)
    {
        using var content = new MemoryStream(bytes);
        return await DocumentReaders.Extractor(options ?? new ExtractionOptions()).ExtractAsync(content, file, CancellationToken.None);
    }
}
