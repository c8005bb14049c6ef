using Azure;
using Microsoft.Extensions.Logging;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// Queues compilations and runs them: both hosts enqueue through <see cref="QueueAsync"/> and run
/// through <see cref="RunAsync"/> (the Functions queue trigger, the server's queue loop). Every
/// registered <see cref="IReportWriter"/>'s output is written to blobs before the compilation is
/// marked completed.
/// </summary>
public sealed class CompilationRunner(
    ReportStorageClients storage,
    CompilationStore store,
    CycleStore cycles,
    PartnerDirectory partners,
    ReportIndex index,
    IEnumerable<IReportWriter> writers,
    TimeProvider clock,
    ILogger<CompilationRunner> logger)
{
    private const int ParallelDownloads = 8;

    public async Task<CompilationRecord> QueueAsync(string cycle, string decision, CancellationToken cancellationToken)
    {
        var record = new CompilationRecord(CompilationStore.NewId(), cycle, decision, CompilationRecord.Queued, clock.GetUtcNow(), null, null, null, null);
        await store.AddAsync(record, cancellationToken);
        await storage.CompilationQueue.SendMessageAsync(record.Id, cancellationToken);
        return record;
    }

    /// <summary>Runs a queued compilation; a finished one is left as it is, so a message delivered twice does no harm.</summary>
    public async Task RunAsync(string id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null || record.IsFinished)
        {
            logger.LogInformation("Compilation {CompilationId} is {State}; nothing to run.", id, record?.Status ?? "unknown");
            return;
        }

        using var span = ReportingTelemetry.StartCompilation(record.Id, record.Cycle);
        record = await store.TryUpdateAsync(record with { Status = CompilationRecord.Running }, cancellationToken) ?? record;
        try
        {
            var report = await CompileAsync(record, cancellationToken);
            foreach (var writer in writers)
            {
                await storage.CompiledReports.GetBlobClient(CompilationRecord.OutputBlobName(record.Id, writer.Format)).UploadAsync(new BinaryData(writer.Write(report)), overwrite: true, cancellationToken);
            }

            await FinishAsync(record, CompilationRecord.Completed, report.Introduction.ReportCount, null, cancellationToken);
            logger.LogInformation("Compilation {CompilationId} of {Cycle} completed from {Count} reports.", record.Id, record.Cycle, report.Introduction.ReportCount);
        }
        catch (Exception e) when (!StorageFailures.IsOutage(e) && e is not OperationCanceledException)
        {
            logger.LogError(e, "Compilation {CompilationId} failed.", record.Id);
            await FinishAsync(record, CompilationRecord.Failed, null, e.Message, cancellationToken);
        }
    }

    /// <summary>Marks a compilation failed when its message keeps failing (storage outages past the queue's retries).</summary>
    public async Task GiveUpAsync(string id, string error, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is { IsFinished: false } record)
        {
            await FinishAsync(record, CompilationRecord.Failed, null, error, cancellationToken);
        }
    }

    private async Task<CompiledReport> CompileAsync(CompilationRecord record, CancellationToken cancellationToken)
    {
        var cycle = await cycles.GetAsync(record.Cycle, cancellationToken) ?? throw new InvalidOperationException($"There is no reporting cycle '{record.Cycle}'.");
        var decision = DecisionMandate.Load(record.Decision) ?? throw new InvalidOperationException($"There is no decision '{record.Decision}'.");
        var reports = await index.ListCycleAsync(cycle.Id, null, cancellationToken);
        var withText = new ReportWithText[reports.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, reports.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken },
            async (i, token) => withText[i] = new ReportWithText(reports[i], reports[i].Status == ReportStatus.Indexed ? await TextAsync(reports[i].Id, token) : ""));
        return ReportCompiler.Compile(decision, new CompilationInput(cycle, await partners.ListAsync(cancellationToken), withText, await PreviousAsync(cycle.Id, cancellationToken)));
    }

    /// <summary>The previous meeting's cycle when the secretariat ran one here (COP-6 for COP-7); its reports' rows, no texts.</summary>
    private async Task<PreviousCycle?> PreviousAsync(string cycle, CancellationToken cancellationToken) =>
        CycleId.Previous(cycle) is { } previous && await cycles.GetAsync(previous, cancellationToken) is not null
            ? new PreviousCycle(previous, await index.ListCycleAsync(previous, null, cancellationToken))
            : null;

    private async Task<string> TextAsync(string reportId, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.Texts.GetBlobClient(ReportIntake.TextBlobName(reportId)).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Indexed before texts were kept: its metadata still counts, it just has nothing to quote.
            return "";
        }
    }

    private Task FinishAsync(CompilationRecord record, string status, int? reportCount, string? error, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            record,
            current => current with { Status = status, CompletedAt = clock.GetUtcNow(), ReportCount = reportCount, Error = error },
            finished => store.TryUpdateAsync(finished, cancellationToken),
            () => store.GetAsync(record.Id, cancellationToken),
            $"Compilation {record.Id}");
}
