using System.CommandLine;
using Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Minamata.Reporting;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Cli;

/// <summary>
/// <c>minamata reextract --cycle COP-7</c>: after an upgrade of the extraction, reads every indexed
/// or rejected report of a cycle again, here and now, in the deployment's storage (the same
/// <c>ReportStorage</c> setting as the hosts, or <c>--storage</c>). The secretariat's corrections are kept.
/// </summary>
public static class ReextractCommand
{
    /// <summary>Storage could not be reached or refused a request.</summary>
    public const int StorageFailed = 1;

    public static Command Create(TextWriter output, TextWriter error, Progress? progress)
    {
        var cycleOption = CycleOption.Create("The reporting cycle whose reports are read again, e.g. COP-7.");
        var storageOption = new Option<string?>("--storage")
        {
            Description = $"A storage connection string; else the {StorageNames.ConnectionName} setting from the environment, as the hosts read it.",
        };
        var command = new Command("reextract", $"Read a cycle's reports again with this build's extraction ({MetadataExtractor.Version}), keeping corrections.")
        {
            cycleOption, storageOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var cycle = parsed.GetRequiredValue(cycleOption);
            var settings = new ConfigurationBuilder().AddEnvironmentVariables();
            if (parsed.GetValue(storageOption) is { Length: > 0 } connection)
            {
                settings.AddInMemoryCollection([new(StorageNames.ConnectionName, connection)]);
            }

            await using var services = new ServiceCollection().AddLogging().AddMinamataReporting(settings.Build()).BuildServiceProvider();
            try
            {
                var reports = (await services.GetRequiredService<ReportIndex>().ListCycleAsync(cycle, null, cancellationToken))
                    .Where(r => r.Status is ReportStatus.Indexed or ReportStatus.Rejected)
                    .OrderBy(r => r.Id, StringComparer.Ordinal)
                    .ToList();
                var reextraction = services.GetRequiredService<Reextraction>();
                var outcomes = new List<string>();
                foreach (var report in reports)
                {
                    progress?.Report("reading", outcomes.Count + 1, reports.Count, report.FileName);
                    outcomes.Add((await reextraction.ReadAgainAsync(report.Id, "minamata reextract", cancellationToken))?.Status ?? "skipped");
                }

                progress?.Clear();
                var counts = string.Join(", ", outcomes.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
                await output.WriteLineAsync($"Read {reports.Count} reports of {cycle} again with extraction {MetadataExtractor.Version}" + (counts.Length > 0 ? $": {counts}." : "."));
                return CommandLine.Success;
            }
            catch (StorageNotConfiguredException e)
            {
                await error.WriteLineAsync($"minamata reextract: {e.Message}");
                return CommandLine.UsageError;
            }
            catch (Exception e) when (e is RequestFailedException || StorageFailures.IsOutage(e))
            {
                await error.WriteLineAsync($"minamata reextract: storage failed: {e.Message.Split('\n')[0]}");
                return StorageFailed;
            }
        });
        return command;
    }
}
