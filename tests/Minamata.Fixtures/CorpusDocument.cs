using System.Text.Json;
using System.Text.Json.Nodes;

namespace Minamata.Fixtures;

/// <summary>
/// A document of the independent corpus (<c>Corpus/</c>): a DOCX or PDF built by LibreOffice or
/// pandoc from a source written by hand, and the metadata it must give, written from reading the
/// document before the extractor was run on it. One expected record serves both formats of a
/// source; <c>overrides.pdf</c> or <c>overrides.docx</c> hold what differs.
/// </summary>
public sealed record CorpusDocument(string Name, string Format, JsonObject Expected, IReadOnlyDictionary<string, string> KnownFailures)
{
    /// <summary>The fields compared, in the contract's order.</summary>
    public static readonly string[] Fields =
        ["language", "symbol", "meeting", "title", "documentDate", "reportingPeriod", "referencedDocuments", "conventionArticles", "organizations", "submittedBy", "sources"];

    private static readonly string Folder = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Corpus");

    public string File => $"{Name}.{Format}";

    public string Path => System.IO.Path.Combine(Folder, "built", File);

    public string Language => Expected["language"]!.GetValue<string>();

    /// <summary>Every built document that has an expected record, by name then format.</summary>
    public static IReadOnlyList<CorpusDocument> All()
    {
        var knownFailures = JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Folder, "known-failures.json")))!.AsObject();
        var documents = new List<CorpusDocument>();
        foreach (var expectedFile in Directory.GetFiles(System.IO.Path.Combine(Folder, "expected"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(expectedFile);
            var expected = JsonNode.Parse(System.IO.File.ReadAllText(expectedFile))!.AsObject();
            foreach (var format in new[] { "docx", "pdf" }.Where(f => System.IO.File.Exists(System.IO.Path.Combine(Folder, "built", $"{name}.{f}"))))
            {
                var known = knownFailures[$"{name}.{format}"]?.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>()) ?? [];
                documents.Add(new CorpusDocument(name, format, ForFormat(expected, format), known));
            }
        }

        return documents;
    }

    public static CorpusDocument Load(string name, string format) => All().Single(d => d.Name == name && d.Format == format);

    /// <summary>The fields whose extracted value differs from the expected one, with both values.</summary>
    public IEnumerable<(string Field, string Expected, string Actual)> Differences(JsonElement actual)
    {
        foreach (var field in Fields)
        {
            var expected = JsonSerializer.SerializeToElement(Expected[field]);
            if (!actual.TryGetProperty(field, out var got))
            {
                yield return (field, expected.ToString(), "(missing)");
            }
            else if (!JsonElement.DeepEquals(expected, got))
            {
                yield return (field, expected.ToString(), got.ToString());
            }
        }
    }

    private static JsonObject ForFormat(JsonObject expected, string format)
    {
        var record = expected.DeepClone().AsObject();
        record.Remove("overrides");
        if (expected["overrides"]?[format] is JsonObject overrides)
        {
            foreach (var (field, value) in overrides)
            {
                record[field] = value?.DeepClone();
            }
        }

        return record;
    }
}
