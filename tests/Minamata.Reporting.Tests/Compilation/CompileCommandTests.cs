using System.Text.Json;
using Minamata.Cli;
using Minamata.Fixtures;

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

        var exit = await CommandLine.RunAsync(["compile", "--cycle", "COP-7", "--from", from, "--out", Path.Combine(folder, "out"), "--deadline", "2027-08-15", "--expected", "WHO,ILO,GMP,UNICEF"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("broken.pdf: not included (corrupt", error.ToString());
        var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "out", "report.json"))).RootElement;
        Assert.Equal(3, json.GetProperty("introduction").GetProperty("reportCount").GetInt32());
        Assert.Equal("missing", json.GetProperty("submissions").EnumerateArray().Single(r => r.GetProperty("partner").GetString() == "UNICEF").GetProperty("state").GetString());
        Assert.True(new FileInfo(Path.Combine(folder, "out", "report.docx")).Length > 5_000);
        Assert.Contains("<h2>III. Implementation of decision MC-6/__</h2>", await File.ReadAllTextAsync(Path.Combine(folder, "out", "report.html")));
    }

    [Theory]
    [InlineData("compile")]
    [InlineData("compile --cycle COP-7")]
    [InlineData("compile --cycle not-a-cycle --from . --out x")]
    [InlineData("compile --cycle COP-7 --from /nonexistent --out x")]
    public async Task Bad_arguments_exit_64_with_the_usage(string args)
    {
        var error = new StringWriter();
        Assert.Equal(64, await CommandLine.RunAsync(args.Split(' '), new StringWriter(), error));
        Assert.Contains("usage: minamata compile", error.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
