using System.Diagnostics;
using System.Text.Json;
using Minamata.Fixtures;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>
/// Hostile files through the real command line, each in its own process: the contract's error code,
/// within 10 s, under 300 MB of memory, and a process that ends by itself with exit code 2.
/// </summary>
public sealed class HostileFileTests
{
    private const long MaxMemoryBytes = 300L * 1024 * 1024;
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("empty.docx", "empty")]
    [InlineData("binary-renamed.docx", "unsupported-format")]
    [InlineData("truncated.docx", "corrupt")]
    [InlineData("zip-bomb.docx", "limits-exceeded")]
    [InlineData("entity-expansion.docx", "limits-exceeded")]
    [InlineData("many-entries.docx", "limits-exceeded")]
    [InlineData("encrypted.docx", "encrypted")]
    [InlineData("encrypted.pdf", "encrypted")]
    [InlineData("broken.pdf", "corrupt")]
    [InlineData("image-renamed.pdf", "unsupported-format")]
    [InlineData("deep.html", "limits-exceeded")]
    [InlineData("over-limit.txt", "too-large")]
    [InlineData("text-node-bomb.docx", "limits-exceeded")]
    [InlineData("flate-bomb.pdf", "limits-exceeded")]
    [InlineData("shared-stream.pdf", "limits-exceeded")]
    public async Task A_hostile_file_is_refused_with_its_code_quickly_in_bounded_memory(string name, string code)
    {
        var path = HostileFiles.Write(name);

        var (exit, output, elapsed, peakMemory) = await RunCliAsync("extract", "--json", path);

        Assert.Equal(2, exit);
        var line = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal(path, line.GetProperty("file").GetString());
        Assert.Equal(code, line.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("error").GetProperty("message").GetString()));
        Assert.True(elapsed < MaxTime, $"took {elapsed}");
        Assert.True(peakMemory < MaxMemoryBytes, $"peak memory {peakMemory / 1024 / 1024} MB");
    }

    [Theory]
    // Both saved by LibreOffice from a corpus report (tests/Minamata.Fixtures/Refused/build.sh); the
    // password-protected one opens with msoffcrypto-tool and its password, so it is what Word writes.
    [InlineData("word-97-2003.doc", "unsupported-format", "Word 97-2003 (.doc) files are not read; save the report as .docx or PDF.")]
    [InlineData("password.docx", "encrypted", "The document is password-protected; send it without a password.")]
    public async Task A_real_file_of_a_kind_not_read_is_refused_with_what_to_send_instead(string name, string code, string message)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Refused", name);

        var (exit, output, _, _) = await RunCliAsync("extract", "--json", path);

        Assert.Equal(2, exit);
        var error = JsonDocument.Parse(output.Trim()).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Good_and_hostile_files_together_each_get_their_own_line_in_order()
    {
        var good = Path.Combine(Directory.CreateTempSubdirectory().FullName, "report.html");
        await File.WriteAllBytesAsync(good, FixtureRenderer.Render(FixtureReport.Load("fr-ilo-gold"), "html"));
        var files = new[] { HostileFiles.Write("deep.html"), good, HostileFiles.Write("broken.pdf") };

        var (exit, output, _, _) = await RunCliAsync(["extract", "--json", .. files]);

        Assert.Equal(2, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(files, lines.Select(l => l.GetProperty("file").GetString()));
        Assert.Equal("fr", lines[1].GetProperty("language").GetString());
        Assert.False(lines[1].TryGetProperty("error", out _));
    }

    private static async Task<(int Exit, string Output, TimeSpan Elapsed, long PeakMemory)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "minamata.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        using var deadline = new CancellationTokenSource(MaxTime * 2);
        while (!process.HasExited && !deadline.IsCancellationRequested)
        {
            peak = Math.Max(peak, ProcessMemory.PeakResidentBytes(process.Id));
            await Task.Delay(20);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"minamata {string.Join(' ', args)} did not finish in {MaxTime * 2}");
        }

        await process.WaitForExitAsync();
        Assert.Equal("", await error);
        return (process.ExitCode, await output, clock.Elapsed, peak);
    }
}
