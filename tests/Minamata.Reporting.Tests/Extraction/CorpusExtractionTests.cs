using System.Text.Json;
using Minamata.Fixtures;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>
/// Every document of the independent corpus (built by LibreOffice and pandoc, expected values
/// written from reading each document before the extractor ran on it) gives its expected metadata,
/// field by field, in DOCX and in PDF, but for the fields listed with a reason in
/// <c>Corpus/known-failures.json</c>, which must be exactly the ones still wrong.
/// </summary>
public sealed class CorpusExtractionTests
{
    public static TheoryData<string, string> Documents()
    {
        var cases = new TheoryData<string, string>();
        foreach (var document in CorpusDocument.All())
        {
            cases.Add(document.Name, document.Format);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_corpus_document_gives_its_expected_metadata(string name, string format)
    {
        var document = CorpusDocument.Load(name, format);

        var metadata = await FixtureExtractionTests.ExtractAsync(await File.ReadAllBytesAsync(document.Path), document.File);

        Assert.Equal(format, metadata.Format);
        var differences = document.Differences(JsonSerializer.SerializeToElement(metadata, ReportingJson.Options)).ToList();
        var unexpected = differences.Where(d => !document.KnownFailures.ContainsKey(d.Field)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(d => $"{document.File} {d.Field}: expected {d.Expected}, got {d.Actual}")));

        // A known failure that no longer fails must come off the list (Corpus/known-failures.json).
        Assert.Equal(document.KnownFailures.Keys.Order(), differences.Select(d => d.Field).Order());
    }

    [Fact]
    public void The_corpus_has_forty_documents_in_six_languages_each_in_docx_and_pdf()
    {
        var documents = CorpusDocument.All();

        Assert.True(documents.Count >= 40, $"{documents.Count} corpus documents");
        foreach (var format in new[] { "docx", "pdf" })
        {
            Assert.Equal(["ar", "en", "es", "fr", "ru", "zh"], documents.Where(d => d.Format == format).Select(d => d.Language).Distinct().Order());
        }
    }
}
