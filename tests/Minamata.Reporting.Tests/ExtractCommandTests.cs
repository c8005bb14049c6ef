using System.Text;
using System.Text.Json;
using Minamata.Cli;

namespace Minamata.Reporting.Tests;

/// <summary><c>minamata extract --json</c> as the metadata contract describes it.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("minamata-cli-").FullName;

    [Fact]
    public async Task Each_file_gives_one_json_line_in_order_and_a_bad_file_gives_an_error_line_and_exit_code_2()
    {
        var good = Write("good.txt", "Mercury report text");
        var empty = Write("empty.txt", "");
        var missing = Path.Combine(folder, "missing.txt");

        var (exit, lines, _) = await RunAsync("extract", "--json", good, empty, missing);

        Assert.Equal(2, exit);
        Assert.Equal(3, lines.Count);
        Assert.Equal(good, lines[0].GetProperty("file").GetString());
        Assert.Equal("txt", lines[0].GetProperty("format").GetString());
        Assert.Equal(3, lines[0].GetProperty("wordCount").GetInt32());
        Assert.Equal(empty, lines[1].GetProperty("file").GetString());
        Assert.Equal("empty", lines[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("io", lines[2].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Every_contract_field_is_present_and_null_where_not_found()
    {
        var (exit, lines, _) = await RunAsync("extract", "--json", Write("a.txt", "plain words only"));

        Assert.Equal(0, exit);
        var record = Assert.Single(lines);
        foreach (var field in new[] { "file", "format", "sha256", "language", "symbol", "meeting", "title", "documentDate", "reportingPeriod", "referencedDocuments", "conventionArticles", "organizations", "submittedBy", "wordCount", "sources" })
        {
            Assert.True(record.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("plain words only"u8)), record.GetProperty("sha256").GetString());
        foreach (var field in new[] { "symbol", "meeting", "documentDate", "reportingPeriod", "submittedBy" })
        {
            Assert.Equal(JsonValueKind.Null, record.GetProperty(field).ValueKind);
        }

        Assert.Empty(record.GetProperty("organizations").EnumerateArray());
        Assert.False(record.GetProperty("sources").TryGetProperty("symbol", out _));
    }

    [Fact]
    public async Task The_submitter_and_where_each_value_came_from_are_printed()
    {
        var file = Write("gef.txt", "Report of the Global Environment Facility to the seventh meeting of the Conference of the Parties\nGeneva, 15 July 2027\n\nExecutive summary\nThis report covers the period from July 2025 to June 2027 and the projects approved in it.\n");

        var (exit, lines, _) = await RunAsync("extract", "--json", file);

        Assert.Equal(0, exit);
        var record = Assert.Single(lines);
        Assert.Equal("GEF", record.GetProperty("submittedBy").GetString());
        Assert.Equal("2027-07-15", record.GetProperty("documentDate").GetString());
        var sources = record.GetProperty("sources");
        Assert.Equal("cover", sources.GetProperty("title").GetString());
        Assert.Equal("cover", sources.GetProperty("submittedBy").GetString());
        Assert.Equal("cover", sources.GetProperty("documentDate").GetString());
        Assert.Equal("body", sources.GetProperty("reportingPeriod").GetString());
        Assert.False(sources.TryGetProperty("symbol", out _));
    }

    [Theory]
    [InlineData(new[] { "--help" }, 0, "Usage:\n  minamata [command] [options]")]
    [InlineData(new[] { "extract", "--help" }, 0, "--json")]
    [InlineData(new string[0], 2, "minamata: Required command was not provided. See 'minamata --help'.")]
    [InlineData(new[] { "extract" }, 2, "minamata extract: ")]
    [InlineData(new[] { "extract", "file.txt" }, 2, "minamata extract: Give one of --json or --text. See 'minamata extract --help'.")]
    [InlineData(new[] { "extract", "--json", "--text", "file.txt" }, 2, "minamata extract: Give one of --json or --text.")]
    [InlineData(new[] { "extract", "--jsn", "file.txt" }, 2, "minamata extract: ")]
    [InlineData(new[] { "frobnicate" }, 2, "minamata: Unrecognized command or argument 'frobnicate'.")]
    [InlineData(new[] { "mail-sink", "--foo", "x" }, 2, "minamata mail-sink: Unrecognized command or argument '--foo'.")]
    [InlineData(new[] { "mail-sink", "--port" }, 2, "minamata mail-sink: ")]
    [InlineData(new[] { "mail-sink", "--port", "70000" }, 2, "minamata mail-sink: --port must be from 1 to 65535.")]
    public async Task Help_exits_0_and_a_wrong_command_line_exits_2_with_one_line(string[] args, int expected, string text)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(args, Minamata.Reporting.Compilation.ReportWriters.Registered(), output, error);

        Assert.Equal(expected, exit);
        if (expected == 0)
        {
            Assert.Contains(text, output.ToString().ReplaceLineEndings("\n"));
            Assert.Empty(error.ToString());
        }
        else
        {
            Assert.StartsWith(text, error.ToString());
            Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Empty(output.ToString());
        }
    }

    [Theory]
    [InlineData("extract", new[] { "--json", "--text", "<FILE>" })]
    [InlineData("compile", new[] { "--cycle", "--from", "--out", "--decision", "--deadline", "--meeting", "--expected" })]
    [InlineData("mail-sink", new[] { "--port" })]
    public async Task Each_command_s_help_lists_all_its_options(string command, string[] options)
    {
        var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync([command, "--help"], Minamata.Reporting.Compilation.ReportWriters.Registered(), output, new StringWriter()));

        Assert.Contains($"minamata {command}", output.ToString());
        Assert.All(options, option => Assert.Contains(option, output.ToString()));
    }

    [Fact]
    public async Task Progress_goes_to_a_terminal_s_standard_error_for_several_files_and_never_into_the_output()
    {
        var files = new[] { Write("one.txt", "first report"), Write("two.txt", "second report") };
        var output = new StringWriter();
        var terminal = new StringWriter();
        var redirected = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(["extract", "--json", .. files], Minamata.Reporting.Compilation.ReportWriters.Registered(), output, terminal, errorIsTerminal: true));
        Assert.Equal(0, await CommandLine.RunAsync(["extract", "--json", .. files], Minamata.Reporting.Compilation.ReportWriters.Registered(), new StringWriter(), redirected, errorIsTerminal: false));

        Assert.Contains("\rreading 1/2: one.txt", terminal.ToString());
        Assert.Contains("\rreading 2/2: two.txt", terminal.ToString());
        Assert.Empty(redirected.ToString());
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("reading", output.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static async Task<(int Exit, List<JsonElement> Lines, string Text)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, Minamata.Reporting.Compilation.ReportWriters.Registered(), output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        return (exit, lines, output.ToString() + error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
