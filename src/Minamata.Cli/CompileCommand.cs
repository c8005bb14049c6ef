using System.Globalization;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Submissions;

namespace Minamata.Cli;

/// <summary>
/// <c>minamata compile --cycle COP-7 --from DIR --out DIR</c>: the same compilation as the API,
/// from a folder of report files and without storage. A file in a sub-folder named like a partner
/// id (<c>DIR/WHO/report.docx</c>) is that partner's; others are attributed to no partner.
/// </summary>
public static class CompileCommand
{
    public const string Usage = "usage: minamata compile --cycle COP-7 --from DIR --out DIR [--decision ID] [--deadline YYYY-MM-DD] [--meeting YYYY-MM-DD] [--expected WHO,ILO]";
    private const string Unattributed = "UNATTRIBUTED";

    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IReportWriter> writers, TextWriter output, TextWriter error)
    {
        var options = Options(args);
        if (options is null || !options.TryGetValue("cycle", out var cycleId) || !options.TryGetValue("from", out var from) || !options.TryGetValue("out", out var to)
            || !CycleId.IsValid(cycleId) || !Directory.Exists(from))
        {
            await error.WriteLineAsync($"minamata compile: {Usage}");
            return CommandLine.Usage;
        }

        var decision = DecisionMandate.Load(options.GetValueOrDefault("decision", DecisionMandate.Default));
        if (decision is null || !TryDate(options, "deadline", DateOnly.FromDateTime(DateTime.UtcNow), out var deadline) || !TryDate(options, "meeting", deadline.AddDays(75), out var meeting))
        {
            await error.WriteLineAsync($"minamata compile: unknown decision or bad date; decisions: {string.Join(", ", DecisionMandate.Available)}");
            return CommandLine.Usage;
        }

        var extractor = DocumentReaders.Extractor();
        var reports = new List<ReportWithText>();
        var failed = false;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var partner = PartnerOf(from, file);
            var report = new ReportRecord
            {
                Id = $"{partner}-{reports.Count + 1:D4}",
                Partner = partner,
                Cycle = cycleId,
                Status = ReportStatus.Indexed,
                FileName = Path.GetFileName(file),
                BlobName = file,
                ReceivedAt = File.GetLastWriteTimeUtc(file),
            };
            try
            {
                await using var content = File.OpenRead(file);
                var read = await extractor.ExtractWithTextAsync(content, Path.GetFileName(file), CancellationToken.None);
                reports.Add(new ReportWithText(report with { Metadata = read.Metadata }, read.Text));
            }
            catch (Exception e) when (e is DocumentReadException or IOException or UnauthorizedAccessException)
            {
                failed = true;
                await error.WriteLineAsync($"minamata compile: {file}: not included ({(e as DocumentReadException)?.Code ?? "io"}: {e.Message})");
            }
        }

        var expected = options.GetValueOrDefault("expected", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cycle = new ReportingCycle(cycleId, $"{cycleId} reporting cycle", meeting, deadline, expected, ReportingCycle.DefaultReminderDays);
        var partners = expected.Concat(reports.Select(r => r.Report.Partner)).Distinct().Select(p => new Partner(p, p == Unattributed ? "(not attributed)" : p, "", "en")).ToList();
        var compiled = ReportCompiler.Compile(decision, new CompilationInput(cycle, partners, reports));

        Directory.CreateDirectory(to);
        foreach (var writer in writers)
        {
            await File.WriteAllBytesAsync(Path.Combine(to, $"report.{writer.Format}"), writer.Write(compiled));
        }

        await output.WriteLineAsync($"Compiled {compiled.Introduction.ReportCount} reports of {cycleId} into {Path.Combine(to, "report")}.{string.Join(", .", writers.Select(w => w.Format))}");
        return failed ? ExtractCommand.SomeFileFailed : CommandLine.Success;
    }

    private static string PartnerOf(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
        var folder = relative.Length > 1 ? relative[0].ToUpperInvariant() : null;
        return PartnerId.IsValid(folder) ? folder! : Unattributed;
    }

    private static bool TryDate(Dictionary<string, string> options, string name, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return !options.TryGetValue(name, out var text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>"--name value" pairs; null when an option has no value or a word is not an option.</summary>
    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
