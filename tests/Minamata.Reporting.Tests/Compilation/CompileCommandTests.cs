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
        Assert.Equal(3, json.GetProperty("introduction").GetProperty("reportCount").GetInt32());
        Assert.Equal("missing", json.GetProperty("submissions").EnumerateArray().Single(r => r.GetProperty("partner").GetString() == "UNICEF").GetProperty("state").GetString());
        Assert.True(new FileInfo(Path.Combine(folder, "out", "report.docx")).Length > 5_000);
        Assert.Contains("<h2>III. Implementation of decision MC-6/__</h2>", await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.html")));
        Assert.Contains("<h2>III. Implementation of decision MC-6/__</h2>", Markdig.Markdown.ToHtml(await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.md"))));
    }

    [Fact]
    public async Task Reports_in_one_folder_are_attributed_to_the_organisation_that_says_it_submitted_them()
    {
        // No sub-folders, no uploader: WHO's own report and an ILO working paper, each saying who submitted it.
        var from = Path.Combine(folder, "in");
        Directory.CreateDirectory(from);
        foreach (var document in new[] { CorpusDocument.Load("en-who-own-report", "docx"), CorpusDocument.Load("en-ilo-working-paper", "docx") })
        {
            File.Copy(document.Path, Path.Combine(from, document.File));
        }

        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", from, "--out", Path.Combine(folder, "out"), "--deadline", "2027-08-15", "--expected", "WHO,ILO,UNICEF"], ReportWriters.Registered(), new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "out", "report.json"))).RootElement;
        var states = json.GetProperty("submissions").EnumerateArray().ToDictionary(r => r.GetProperty("partner").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["ILO"] = "submitted", ["UNICEF"] = "missing", ["WHO"] = "submitted" }, states);
        var evidence = json.GetProperty("paragraphs").EnumerateArray().SelectMany(p => p.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Contains(e.GetProperty("partner").GetString(), new[] { "WHO", "ILO" }));
        var text = await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.md"));
        Assert.DoesNotContain("not attributed", text);
        Assert.Contains("The World Health Organization (WHO) reported in ", text);
        Assert.Contains("The International Labour Organization (ILO) reported in ", text);
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
        Assert.StartsWith("Compiled 2 reports of COP-7", output.ToString());
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
    public async Task Bad_arguments_exit_2_with_one_line_pointing_to_the_help(string args)
    {
        var error = new StringWriter();
        Assert.Equal(2, await CommandLine.RunAsync(args.Split(' '), ReportWriters.Registered(), new StringWriter(), error));
        Assert.StartsWith("minamata compile: ", error.ToString());
        Assert.EndsWith("See 'minamata compile --help'.", error.ToString().TrimEnd());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
