using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minamata.Cli;
using Minamata.Fixtures;
using Minamata.Reporting.Compilation;

namespace Minamata.Reporting.Tests.Compilation;

/// <summary>
/// <c>minamata compile</c> on the compilation corpus: ten files for COP-7 in one folder, with no
/// uploader and no sub-folder to say whose each is, the previous meeting's six beside them, and
/// what a reader of each file wrote down before the compiler ran (<see cref="CompilationCorpus"/>).
/// </summary>
public sealed class OfflineCompilationTests(OfflineCompilationTests.Compiled compiled) : IClassFixture<OfflineCompilationTests.Compiled>
{
    private static readonly CompilationCorpus Corpus = new();

    [Fact]
    public void Every_quotation_is_attributed_to_the_organisation_its_file_says_submitted_it_and_expected_partners_are_matched()
    {
        var documents = compiled.Json.GetProperty("annex").GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("number").GetInt32());
        var evidence = compiled.Json.GetProperty("paragraphs").EnumerateArray().SelectMany(p => p.GetProperty("evidence").EnumerateArray()).ToList();

        Assert.NotEmpty(evidence);
        foreach (var item in evidence)
        {
            var files = documents[item.GetProperty("document").GetInt32()].GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("fileName").GetString()!);
            Assert.All(files, file => Assert.Equal(Corpus.Cop7Reports[file].SubmittedBy, item.GetProperty("partner").GetString()));
        }

        var states = compiled.Json.GetProperty("annex").GetProperty("matrix").EnumerateArray().ToDictionary(r => r.GetProperty("partner").GetString()!, r => r.GetProperty("state").GetString());
        var senders = Corpus.Cop7Reports.Values.Select(r => r.SubmittedBy).ToHashSet();
        Assert.Equal(Corpus.ExpectedPartners.Order(), states.Keys.Order());
        Assert.All(Corpus.ExpectedPartners, partner => Assert.Equal(senders.Contains(partner) ? "submitted" : "missing", states[partner]));
        Assert.DoesNotContain("not name the organization", compiled.Markdown);
        Assert.Contains("Food and Agriculture Organization of the United Nations (FAO) had not submitted a report", compiled.Markdown);
    }

    [Fact]
    public void Language_versions_and_a_revision_are_one_document_citing_the_revision_and_quoting_its_english()
    {
        var family = Corpus.Cop7Reports.Where(r => r.Value.Family == "UNEP/MC/COP.7/INF/8").ToList();
        var revision = family.Single(r => r.Value.Symbol!.EndsWith("/Rev.1", StringComparison.Ordinal));
        var documents = compiled.Json.GetProperty("annex").GetProperty("documents").EnumerateArray().ToList();

        // One row, one count: the documents are the corpus's families, and files without a symbol, once each.
        var expectedDocuments = Corpus.Cop7Reports.GroupBy(r => r.Value.Family ?? r.Key).Count();
        Assert.Equal(expectedDocuments, documents.Count);
        Assert.Equal(expectedDocuments, compiled.Json.GetProperty("introduction").GetProperty("documentCount").GetInt32());
        Assert.Equal(Corpus.Cop7Reports.Count, compiled.Json.GetProperty("introduction").GetProperty("reportCount").GetInt32());
        var row = Assert.Single(documents, d => d.GetProperty("versions").EnumerateArray().Any(v => v.GetProperty("fileName").GetString() == revision.Key));
        Assert.Equal(family.Select(f => f.Key).Order(), row.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("fileName").GetString()).Order());
        Assert.Equal(revision.Value.Symbol, row.GetProperty("source").GetString());
        Assert.Equal(["French"], row.GetProperty("alsoIn").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("en", row.GetProperty("language").GetString());

        // The revision's English is quoted: never a sentence it replaced, and sentences only it has.
        var quotes = compiled.Json.GetProperty("paragraphs").EnumerateArray().SelectMany(p => p.GetProperty("evidence").EnumerateArray())
            .Where(e => e.GetProperty("document").GetInt32() == row.GetProperty("number").GetInt32())
            .SelectMany(e => e.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("text").GetString()!)).ToList();
        var replaced = family.Single(r => r.Value.Symbol == "UNEP/MC/COP.7/INF/8" && r.Value.Language == "en").Value.OnlyHere;
        Assert.DoesNotContain(quotes, replaced.Contains);
        Assert.Contains(quotes, revision.Value.OnlyHere.Contains);
        Assert.Contains($"The Global Mercury Partnership (GMP) reported in {revision.Value.Symbol} (English; also in French):", compiled.Markdown);
    }

    [Fact]
    public void Each_organisation_is_shown_on_the_paragraphs_its_documents_report_on_as_their_reader_found()
    {
        var reported = compiled.Json.GetProperty("paragraphs").EnumerateArray()
            .SelectMany(p => p.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("partner").GetString()!, p.GetProperty("number").GetInt32())))
            .ToHashSet();

        var read = Corpus.Cop7Reports.Values.SelectMany(r => r.Paragraphs.Select(p => (r.SubmittedBy, p))).ToHashSet();

        Assert.Equal(read.Order(), reported.Order());
    }

    [Fact]
    public void A_paragraph_no_document_bears_on_says_so_plainly()
    {
        // No file of COP-7 mentions the preliminary study of paragraph 3.
        var paragraph = compiled.Json.GetProperty("paragraphs").EnumerateArray().Single(p => p.GetProperty("number").GetInt32() == 3);

        Assert.Empty(paragraph.GetProperty("evidence").EnumerateArray());
        Assert.Equal("No organization reported on activities under paragraph 3 in the documents received for the present note.", paragraph.GetProperty("summary").GetString());
        Assert.Contains(compiled.WordParagraphs, p => p.EndsWith("\tNo organization reported on activities under paragraph 3 in the documents received for the present note.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_matrix_in_annex_i_matches_the_evidence_sections_cell_by_cell()
    {
        // Read as the officer reads the Word file: who reported on each paragraph in section II, and annex I's cells.
        var sections = new Dictionary<int, HashSet<string>>();
        var current = 0;
        foreach (var paragraph in compiled.Word.MainDocumentPart!.Document.Body!.Elements<Paragraph>())
        {
            var text = paragraph.InnerText;
            if (paragraph.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2" && System.Text.RegularExpressions.Regex.Match(text, @"\(paragraph (\d+)\)$") is { Success: true } heading)
            {
                current = int.Parse(heading.Groups[1].Value);
                sections[current] = [];
            }
            else if (current > 0 && System.Text.RegularExpressions.Regex.Match(text, @"\((?<id>[A-Z]+)\) reported in ") is { Success: true } line)
            {
                sections[current].Add(line.Groups["id"].Value);
            }
        }

        var matrix = compiled.Word.MainDocumentPart.Document!.Body!.Elements<Table>().First();
        var header = matrix.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        var rows = matrix.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], sections.Keys.Order());
        foreach (var (paragraph, reporters) in sections)
        {
            var column = header.IndexOf($"Para. {paragraph}");
            var marked = rows.Where(r => r[column] != ReportLayout.NoDocument).Select(r => System.Text.RegularExpressions.Regex.Match(r[0], @"\(([A-Z]+)\)").Groups[1].Value).ToHashSet();
            Assert.Equal(reporters.Order(), marked.Order());
        }
    }

    [Fact]
    public void An_organisation_that_reported_to_the_previous_meeting_and_not_to_this_one_is_named_and_the_reverse()
    {
        var previous = compiled.Json.GetProperty("previous");

        Assert.Equal("COP-6", previous.GetProperty("cycle").GetString());
        Assert.Equal(Corpus.ReportedToCop6NotCop7, previous.GetProperty("thenNotNow").EnumerateArray().Select(o => o.GetProperty("partner").GetString()));
        Assert.Equal(Corpus.ReportedToCop7NotCop6.Order(), previous.GetProperty("nowNotThen").EnumerateArray().Select(o => o.GetProperty("partner").GetString()).Order());
        Assert.Contains(compiled.WordParagraphs, p => p.EndsWith("\tThe United Nations Industrial Development Organization (UNIDO) reported to the sixth meeting but not to the present meeting.", StringComparison.Ordinal));
        Assert.Contains("III.\tComparison with the sixth meeting", compiled.WordParagraphs);
        var matrix = compiled.Word.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        Assert.Equal("Reported to COP-6", matrix.Elements<TableRow>().First().Elements<TableCell>().Last().InnerText);
    }

    [Fact]
    public void The_note_is_numbered_paragraphs_from_the_introduction_to_the_suggested_action()
    {
        var numbered = compiled.WordParagraphs.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^\d+\.\t")).ToList();

        Assert.Equal(Enumerable.Range(1, numbered.Count).Select(n => $"{n}."), numbered.Select(p => p[..p.IndexOf('\t')]));
        Assert.StartsWith("1.\tIn paragraph 7 of decision MC-6/__, the Conference of the Parties requests the secretariat to report", numbered[0]);
        Assert.Contains("IV.\tSuggested action by the Conference of the Parties", compiled.WordParagraphs);
        Assert.StartsWith("The Conference of the Parties may wish to take note", numbered[^1][(numbered[^1].IndexOf('\t') + 1)..]);
        Assert.Contains("[the secretariat to complete:", numbered[^1]);
    }

    /// <summary>The corpus compiled once for every test: Word, JSON and Markdown.</summary>
    public sealed class Compiled : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("minamata-offline-").FullName;

        public Compiled()
        {
            var corpus = new CompilationCorpus();
            var exit = CommandLine.RunAsync(
                ["compile", "--cycle", "COP-7", "--from", CompilationCorpus.Cop7, "--previous", CompilationCorpus.Cop6, "--out", folder,
                 "--deadline", "2027-08-15", "--meeting", "2027-11-01", "--meeting-end", "2027-11-05", "--venue", "Geneva",
                 "--agenda-item", "5 (k)", "--agenda-title", "International cooperation and coordination", "--expected", string.Join(',', corpus.ExpectedPartners)],
                ReportWriters.Registered(), new StringWriter(), new StringWriter()).GetAwaiter().GetResult();
            Assert.Equal(0, exit);
            Json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "report.json"))).RootElement;
            Markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
            DocxPath = Path.Combine(folder, "report.docx");
            Word = WordprocessingDocument.Open(DocxPath, false);
            WordParagraphs = [.. Word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
        }

        public JsonElement Json { get; }

        public string Markdown { get; }

        public string DocxPath { get; }

        public WordprocessingDocument Word { get; }

        public IReadOnlyList<string> WordParagraphs { get; }

        public void Dispose()
        {
            Word.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
