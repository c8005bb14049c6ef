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
/// attributed to no partner. <c>--expected</c> partners are matched to reports the same way, and
/// <c>--previous DIR</c> is the previous meeting's folder, read the same way.
/// </summary>
public static class CompileCommand
{
    public static Command Create(IReadOnlyList<IReportWriter> writers, TextWriter output, TextWriter error, Progress? progress)
    {
        var formats = string.Join(", .", writers.Select(w => w.Format));
        var cycleOption = CycleOption.Create("The reporting cycle, e.g. COP-7.");
        var fromOption = new Option<DirectoryInfo>("--from") { Description = "The folder of reports; DIR/WHO/report.docx is WHO's.", Required = true }.AcceptExistingOnly();
        var outOption = new Option<string>("--out") { Description = $"The folder to write report.{formats} into.", Required = true };
        var decisionOption = DecisionOption();
        var deadlineOption = DateOption("--deadline", "The submission deadline (YYYY-MM-DD); today if not given.");
        var meetingOption = DateOption("--meeting", "The meeting's first day (YYYY-MM-DD); 75 days after the deadline if not given.");
        var meetingEndOption = DateOption("--meeting-end", "The meeting's last day (YYYY-MM-DD), for the cover.");
        var venueOption = new Option<string?>("--venue") { Description = "Where the meeting is held, for the cover, e.g. Geneva." };
        var agendaItemOption = new Option<string?>("--agenda-item") { Description = "The provisional agenda's item, for the cover, e.g. \"5 (k)\"; with --agenda-title." };
        var agendaTitleOption = new Option<string?>("--agenda-title") { Description = "The agenda item's title, e.g. \"International cooperation and coordination\"." };
        var expectedOption = new Option<string?>("--expected") { Description = "The partners expected to report, comma-separated, e.g. WHO,ILO." };
        var previousOption = new Option<DirectoryInfo>("--previous") { Description = "The previous meeting's folder of reports, read as --from is, to say who reported then and not now." }.AcceptExistingOnly();
        var command = new Command("compile", $"Compile the implementation report from a folder of reports, without storage, into DIR/report.{formats}.")
        {
            cycleOption, fromOption, outOption, decisionOption, deadlineOption, meetingOption, meetingEndOption, venueOption, agendaItemOption, agendaTitleOption, expectedOption, previousOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(agendaItemOption) is null != result.GetValue(agendaTitleOption) is null)
            {
                result.AddError("--agenda-item and --agenda-title go together.");
            }

            if (result.GetValue(previousOption) is not null && result.GetValue(cycleOption) is { } cycle && CycleId.IsValid(cycle) && CycleId.Previous(cycle) is null)
            {
                result.AddError($"--previous: {cycle} is a first meeting; there is no meeting before it.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var cycleId = parsed.GetRequiredValue(cycleOption);
            if (!TryLoadDecision(parsed.GetRequiredValue(decisionOption), out var decision, out var problem))
            {
                await error.WriteLineAsync($"minamata compile: {problem}");
                return CommandLine.UsageError;
            }

            var deadline = parsed.GetValue(deadlineOption) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var meeting = parsed.GetValue(meetingOption) ?? deadline.AddDays(75);
            var expected = (parsed.GetValue(expectedOption) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var agenda = parsed.GetValue(agendaItemOption) is { } item ? new AgendaItem(item, parsed.GetRequiredValue(agendaTitleOption)!) : null;

            var reader = new FolderReader(error, progress);
            var reports = await reader.ReadAsync(parsed.GetRequiredValue(fromOption).FullName, cycleId, cancellationToken);
            var previous = parsed.GetValue(previousOption) is { } previousFolder && CycleId.Previous(cycleId) is { } previousId
                ? new PreviousCycle(previousId, [.. (await reader.ReadAsync(previousFolder.FullName, previousId, cancellationToken)).Select(r => r.Report)])
                : null;

            var cycle = new ReportingCycle(cycleId, $"{cycleId} reporting cycle", meeting, deadline, expected, ReportingCycle.DefaultReminderDays, parsed.GetValue(venueOption), parsed.GetValue(meetingEndOption), agenda);
            var partners = expected.Concat(reports.Select(r => r.Report.Partner)).Concat(previous?.Reports.Select(r => r.Partner) ?? []).Distinct()
                .Select(p => new Partner(p, p == Organization.Unattributed ? "Not attributed" : OrganizationNames.Name(p) ?? p, "", "en")).ToList();
            var compiled = ReportCompiler.Compile(decision, new CompilationInput(cycle, partners, reports, previous));

            var to = parsed.GetRequiredValue(outOption);
            Directory.CreateDirectory(to);
            foreach (var writer in writers)
            {
                await File.WriteAllBytesAsync(Path.Combine(to, $"report.{writer.Format}"), writer.Write(compiled), cancellationToken);
            }

            var intro = compiled.Introduction;
            await output.WriteLineAsync($"Compiled {intro.DocumentCount} documents ({intro.ReportCount} files) of {cycleId} into {Path.Combine(to, "report")}.{formats}");
            return reader.Failed ? ExtractCommand.SomeFileFailed : CommandLine.Success;
        });
        return command;
    }

    /// <summary>A built-in decision's id, or a decision file of one's own: a new decision is a JSON file, not code.</summary>
    private static Option<string> DecisionOption()
    {
        var option = new Option<string>("--decision")
        {
            Description = $"The decision whose paragraphs the report answers: {string.Join(", ", DecisionMandate.Available)}, or a decision file (.json) written as those are.",
            DefaultValueFactory = _ => DecisionMandate.Default,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!DecisionMandate.Available.Contains(value) && !File.Exists(value))
            {
                result.AddError($"--decision must be one of {string.Join(", ", DecisionMandate.Available)} or a decision file; '{value}' is neither.");
            }
        });
        return option;
    }

    private static bool TryLoadDecision(string value, out DecisionMandate decision, out string problem)
    {
        problem = "";
        if (DecisionMandate.Load(value) is { } builtIn && !File.Exists(value))
        {
            decision = builtIn;
            return true;
        }

        try
        {
            using var file = File.OpenRead(value);
            decision = DecisionMandate.Read(file);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            decision = null!;
            problem = $"{value}: {e.Message}";
            return false;
        }
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

    /// <summary>Reads a folder's report files as the intake would, attributing each; a file it cannot read is named on standard error and left out.</summary>
    private sealed class FolderReader(TextWriter error, Progress? progress)
    {
        private readonly MetadataExtractor extractor = DocumentReaders.Extractor();

        public bool Failed { get; private set; }

        public async Task<List<ReportWithText>> ReadAsync(string folder, string cycle, CancellationToken cancellationToken)
        {
            var reports = new List<ReportWithText>();
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                progress?.Report("reading", reports.Count + 1, files.Count, file);
                try
                {
                    await using var content = File.OpenRead(file);
                    var read = await extractor.ExtractWithTextAsync(content, Path.GetFileName(file), cancellationToken);
                    var partner = FolderPartner(folder, file) ?? read.Metadata.SubmittedBy ?? Organization.Unattributed;
                    var report = new ReportRecord
                    {
                        Id = $"{cycle}-{partner}-{reports.Count + 1:D4}",
                        Partner = partner,
                        Cycle = cycle,
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
                    Failed = true;
                    progress?.Clear();
                    await error.WriteLineAsync($"minamata compile: {file}: not included ({(e as DocumentReadException)?.Code ?? "io"}: {e.Message})");
                }
            }

            progress?.Clear();
            return reports;
        }

        /// <summary>The partner a sub-folder names (<c>DIR/WHO/report.docx</c>), or null.</summary>
        private static string? FolderPartner(string root, string file)
        {
            var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            var folder = relative.Length > 1 ? relative[0].ToUpperInvariant() : null;
            return PartnerId.IsValid(folder) ? folder : null;
        }
    }
}
