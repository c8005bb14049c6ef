using System.CommandLine;
using System.Globalization;
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
/// id (<c>DIR/WHO/report.docx</c>) is that partner's; another is the organisation's that the report
/// says submitted it (<c>submittedBy</c>), as an upload would have been; one that says neither is
/// attributed to no partner. <c>--expected</c> partners are matched to reports the same way.
/// </summary>
public static class CompileCommand
{
    private const string Unattributed = "UNATTRIBUTED";

    public static Command Create(IReadOnlyList<IReportWriter> writers, TextWriter output, TextWriter error, Progress? progress)
    {
        var formats = string.Join(", .", writers.Select(w => w.Format));
        var cycleOption = CycleOption.Create("The reporting cycle, e.g. COP-7.");
        var fromOption = new Option<DirectoryInfo>("--from") { Description = "The folder of reports; DIR/WHO/report.docx is WHO's.", Required = true }.AcceptExistingOnly();
        var outOption = new Option<string>("--out") { Description = $"The folder to write report.{formats} into.", Required = true };
        var decisionOption = new Option<string>("--decision") { Description = "The decision whose paragraphs the report answers.", DefaultValueFactory = _ => DecisionMandate.Default };
        decisionOption.AcceptOnlyFromAmong([.. DecisionMandate.Available]);
        var deadlineOption = DateOption("--deadline", "The submission deadline (YYYY-MM-DD); today if not given.");
        var meetingOption = DateOption("--meeting", "The meeting's first day (YYYY-MM-DD); 75 days after the deadline if not given.");
        var expectedOption = new Option<string?>("--expected") { Description = "The partners expected to report, comma-separated, e.g. WHO,ILO." };
        var command = new Command("compile", $"Compile the implementation report from a folder of reports, without storage, into DIR/report.{formats}.")
        {
            cycleOption, fromOption, outOption, decisionOption, deadlineOption, meetingOption, expectedOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var cycleId = parsed.GetRequiredValue(cycleOption);
            var from = parsed.GetRequiredValue(fromOption).FullName;
            var to = parsed.GetRequiredValue(outOption);
            var decision = DecisionMandate.Load(parsed.GetRequiredValue(decisionOption))!;
            var deadline = parsed.GetValue(deadlineOption) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var meeting = parsed.GetValue(meetingOption) ?? deadline.AddDays(75);
            var expected = (parsed.GetValue(expectedOption) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            var extractor = DocumentReaders.Extractor();
            var reports = new List<ReportWithText>();
            var failed = false;
            var files = Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                progress?.Report("reading", reports.Count + 1, files.Count, file);
                try
                {
                    await using var content = File.OpenRead(file);
                    var read = await extractor.ExtractWithTextAsync(content, Path.GetFileName(file), cancellationToken);
                    var partner = FolderPartner(from, file) ?? read.Metadata.SubmittedBy ?? Unattributed;
                    var report = new ReportRecord
                    {
                        Id = $"{partner}-{reports.Count + 1:D4}",
                        Partner = partner,
                        Cycle = cycleId,
                        Status = ReportStatus.Indexed,
                        FileName = Path.GetFileName(file),
                        BlobName = file,
                        ReceivedAt = File.GetLastWriteTimeUtc(file),
                        Extracted = read.Metadata,
                    };
                    reports.Add(new ReportWithText(report, read.Text));
                }
                catch (Exception e) when (e is DocumentReadException or IOException or UnauthorizedAccessException)
                {
                    failed = true;
                    progress?.Clear();
                    await error.WriteLineAsync($"minamata compile: {file}: not included ({(e as DocumentReadException)?.Code ?? "io"}: {e.Message})");
                }
            }

            progress?.Clear();
            var cycle = new ReportingCycle(cycleId, $"{cycleId} reporting cycle", meeting, deadline, expected, ReportingCycle.DefaultReminderDays);
            var partners = expected.Concat(reports.Select(r => r.Report.Partner)).Distinct()
                .Select(p => new Partner(p, p == Unattributed ? "(not attributed)" : OrganizationNames.Name(p) ?? p, "", "en")).ToList();
            var compiled = ReportCompiler.Compile(decision, new CompilationInput(cycle, partners, reports));

            Directory.CreateDirectory(to);
            foreach (var writer in writers)
            {
                await File.WriteAllBytesAsync(Path.Combine(to, $"report.{writer.Format}"), writer.Write(compiled), cancellationToken);
            }

            await output.WriteLineAsync($"Compiled {compiled.Introduction.ReportCount} reports of {cycleId} into {Path.Combine(to, "report")}.{formats}");
            return failed ? ExtractCommand.SomeFileFailed : CommandLine.Success;
        });
        return command;
    }

    /// <summary>The partner a sub-folder names (<c>DIR/WHO/report.docx</c>), or null.</summary>
    private static string? FolderPartner(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
        var folder = relative.Length > 1 ? relative[0].ToUpperInvariant() : null;
        return PartnerId.IsValid(folder) ? folder : null;
    }

    private static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} must be a date as YYYY-MM-DD, not '{text}'.");
            return null;
        },
    };
}
