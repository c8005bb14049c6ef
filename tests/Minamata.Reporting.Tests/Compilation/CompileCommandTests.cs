using System.Text.Json;
using Minamata.Cli;
using Minamata.Fixtures;
using Minamata.Reporting.Compilation;

namespace Minamata.Reporting.Tests.Compilation;

/// <summary><c>minamata compile</c> on a folder of reports, without storage.</summary>
public sealed class CompileCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("minamata-compile-").FullName;

    [Fact]
    public async Task A_folder_of_partner_reports_compiles_into_word_html_and_json()
    {
        var from = Path.Combine(folder, "in");
        foreach (var (name, format, partner) in new[] { ("en-who-health", "docx", "WHO"), ("fr-ilo-gold", "pdf", "ILO"), ("zh-gmp-partnership", "html", "GMP") })
        {
            Directory.CreateDirectory(Path.Combine(from, partner));
            await File.WriteAllBytesAsync(Path.Combine(from, partner, $"{name}.{format}"), FixtureRenderer.Render(FixtureReport.Load(name), format));
        }

        await File.WriteAllBytesAsync(Path.Combine(from, "WHO", "broken.pdf"), "%PDF-1.7 broken"u8.ToArray());
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", from, "--out", Path.Combine(folder, "out"), "--deadline", "2027-08-15", "--expected", "WHO,ILO,GMP,UNICEF"], ReportWriters.Registered(), output, error);

        Assert.Equal(2, exit);
        Assert.Contains("broken.pdf: not included (corrupt", error.ToString());
        var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "out", "report.json"))).RootElement;
        Assert.Equal(3, json.GetProperty("introduction").GetProperty("documentCount").GetInt32());
        Assert.Equal("missing", json.GetProperty("annex").GetProperty("matrix").EnumerateArray().Single(r => r.GetProperty("partner").GetString() == "UNICEF").GetProperty("state").GetString());
        Assert.True(new FileInfo(Path.Combine(folder, "out", "report.docx")).Length > 5_000);
        Assert.Contains("<h2><span class=\"number\">II.</span>Implementation of decision MC-6/__</h2>", await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.html")));
        Assert.Contains("<h2>II. Implementation of decision MC-6/__</h2>", Markdig.Markdown.ToHtml(await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.md"))));
    }

    [Fact]
    public async Task A_decision_written_as_a_new_json_file_compiles_with_no_code_change()
    {
        // Another decision than the built-in one: two paragraphs, one of them the request for the report.
        var decision = Path.Combine(folder, "decision-MC-5-health.json");
        await File.WriteAllTextAsync(decision, """
            {
              "id": "MC-5-health",
              "decision": "MC-5/12",
              "subject": "Health aspects of the Convention",
              "adoptedAt": "COP-5",
              "reportParagraph": 2,
              "paragraphs": [
                { "number": 1, "heading": "Cooperation with the World Health Organization", "mandate": "Invites the World Health Organization to continue its work on the health aspects of mercury.", "organizations": ["WHO"] },
                { "number": 2, "mandate": "Requests the secretariat to report on the implementation of the present decision." }
              ]
            }
            """);
        var from = Path.Combine(folder, "in");
        Directory.CreateDirectory(from);
        File.Copy(Path.Combine(CompilationCorpus.Cop7, "Report_Minamata_COP7_final.pdf"), Path.Combine(from, "who.pdf"));

        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", from, "--out", Path.Combine(folder, "out"), "--decision", decision], ReportWriters.Registered(), new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "out", "report.json"))).RootElement;
        Assert.Equal("MC-5/12", json.GetProperty("decision").GetString());
        Assert.Equal("Health aspects of the Convention: report on the implementation of decision MC-5/12", json.GetProperty("cover").GetProperty("title").GetString());
        var paragraph = Assert.Single(json.GetProperty("paragraphs").EnumerateArray());
        Assert.Equal("Cooperation with the World Health Organization (paragraph 1)", paragraph.GetProperty("heading").GetString());
        Assert.Equal("WHO", Assert.Single(paragraph.GetProperty("evidence").EnumerateArray()).GetProperty("partner").GetString());
        Assert.StartsWith("In paragraph 2 of decision MC-5/12, the Conference of the Parties requests the secretariat to report", json.GetProperty("introduction").GetProperty("mandate").GetString());
    }

    [Theory]
    [InlineData("{ not json", "not a decision file")]
    [InlineData("""{"id":"x","decision":"MC-5/1","subject":"S","reportParagraph":3,"paragraphs":[{"number":1,"mandate":"Requests."}]}""", "'reportParagraph' must be one of them")]
    [InlineData("""{"id":"x","decision":"MC-5/1","subject":"S","reportParagraph":1,"paragraphs":[{"number":1,"mandate":"Requests.","patterns":["(unclosed"]}]}""", "paragraph 1 has a pattern that is not a regular expression")]
    public async Task A_decision_file_with_a_mistake_is_refused_with_one_line_saying_what(string content, string says)
    {
        var decision = Path.Combine(folder, "decision.json");
        await File.WriteAllTextAsync(decision, content);
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", folder, "--out", Path.Combine(folder, "out"), "--decision", decision], ReportWriters.Registered(), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.StartsWith($"minamata compile: {decision}: ", error.ToString());
        Assert.Contains(says, error.ToString());
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public async Task A_writer_registered_beside_the_others_is_named_in_the_help_and_written_by_compile()
    {
        var writers = ReportWriters.Registered().Append(new PlainTextWriter()).ToList();
        var from = Path.Combine(folder, "in", "WHO");
        Directory.CreateDirectory(from);
        await File.WriteAllBytesAsync(Path.Combine(from, "who.docx"), FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "docx"));
        var help = new StringWriter();
        var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(["--help"], writers, help, new StringWriter()));
        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", Path.Combine(folder, "in"), "--out", Path.Combine(folder, "out")], writers, output, new StringWriter());

        Assert.Contains("into DIR/report.docx, .html, .json, .md, .txt", help.ToString());
        Assert.Equal(0, exit);
        Assert.Equal("1 report(s) for COP-7", await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.txt")));
        Assert.EndsWith("report.docx, .html, .json, .md, .txt", output.ToString().Trim());
    }

    [Fact]
    public async Task Compiling_on_a_terminal_shows_which_file_is_being_read_on_standard_error()
    {
        var from = Path.Combine(folder, "in", "ILO");
        Directory.CreateDirectory(from);
        await File.WriteAllBytesAsync(Path.Combine(from, "gold.pdf"), FixtureRenderer.Render(FixtureReport.Load("fr-ilo-gold"), "pdf"));
        await File.WriteAllBytesAsync(Path.Combine(from, "health.html"), FixtureRenderer.Render(FixtureReport.Load("en-who-health"), "html"));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", Path.Combine(folder, "in"), "--out", Path.Combine(folder, "out")], ReportWriters.Registered(), output, error, errorIsTerminal: true);

        Assert.Equal(0, exit);
        Assert.Contains("\rreading 1/2: gold.pdf", error.ToString());
        Assert.Contains("\rreading 2/2: health.html", error.ToString());
        Assert.StartsWith("Compiled 2 documents (2 files) of COP-7", output.ToString());
    }

    /// <summary>A format nobody ships: what a new writer is, one class.</summary>
    private sealed class PlainTextWriter : IReportWriter
    {
        public string Format => "txt";

        public string MediaType => "text/plain; charset=utf-8";

        public byte[] Write(CompiledReport report) => System.Text.Encoding.UTF8.GetBytes($"{report.Introduction.ReportCount} report(s) for {report.Cycle}");
    }

    [Theory]
    [InlineData("compile")]
    [InlineData("compile --cycle COP-7")]
    [InlineData("compile --cycle not-a-cycle --from . --out x")]
    [InlineData("compile --cycle COP-7 --from /nonexistent --out x")]
    [InlineData("compile --cycle COP-7 --from . --out x --deadline 15.08.2027")]
    [InlineData("compile --cycle COP-7 --from . --out x --decision MC-99")]
    [InlineData("compile --cycle COP-7 --from . --out x --agenda-item 5")]
    [InlineData("compile --cycle COP-1 --from . --out x --previous .")]
    public async Task Bad_arguments_exit_2_with_one_line_pointing_to_the_help(string args)
    {
        var error = new StringWriter();
        Assert.Equal(2, await CommandLine.RunAsync(args.Split(' '), ReportWriters.Registered(), new StringWriter(), error));
        Assert.StartsWith("minamata compile: ", error.ToString());
        Assert.EndsWith("See 'minamata compile --help'.", error.ToString().TrimEnd());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
