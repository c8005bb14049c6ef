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
    [InlineData(new string[0], 64)]
    [InlineData(new[] { "--help" }, 0)]
    [InlineData(new[] { "extract" }, 64)]
    [InlineData(new[] { "extract", "file.txt" }, 64)]
    [InlineData(new[] { "frobnicate" }, 64)]
    public async Task Usage_errors_exit_64_and_help_exits_0(string[] args, int expected)
    {
        var (exit, _, text) = await RunAsync(args);

        Assert.Equal(expected, exit);
        Assert.Contains("minamata", text);
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
