using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Intake;

/// <summary>
/// Heals what events and crashes leave behind: compares the upload container with the index and
/// takes in every blob the index lacks, holds in <c>received</c> too long, or knows only in an
/// older version; and rejects reports whose upload URL expired unused. A timer function runs it in
/// Azure (where Event Grid does the normal work), the server's watcher on every poll.
/// </summary>
public sealed class ReconcileSweep(
    ReportStorageClients storage,
    ReportIndex index,
    ReportIntake intake,
    ReportHistory history,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<SubmissionOptions> submissionOptions,
    TimeProvider clock,
    ILogger<ReconcileSweep> logger)
{
    /// <summary>What one comparison of the upload container with the index found.</summary>
    /// <param name="Pending">Blobs to take in.</param>
    /// <param name="Unused">Reports registered for an upload URL whose file never came, long after the URL expired.</param>
    public sealed record Findings(IReadOnlyList<string> Pending, IReadOnlyList<ReportRecord> Unused);

    /// <summary>
    /// One listing of the container and one of the index: blobs with no report, with a report
    /// <c>received</c> longer than <paramref name="stuckAfter"/>, or newer than the version the report
    /// was read from; and reports still waiting for a file whose upload URL is long expired.
    /// </summary>
    public async Task<Findings> FindAsync(TimeSpan stuckAfter, CancellationToken cancellationToken)
    {
        var reports = await index.ListAllBriefAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var pending = new List<string>();
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            blobs.Add(blob.Name);
            var version = blob.Properties.ETag is { } etag ? StorageFailures.Version(etag) : null;
            var take = !reports.TryGetValue(UploadLocation.Parse(blob.Name).ReportId, out var report)
                || (report.Status == ReportStatus.Received && now - report.ReceivedAt >= stuckAfter)
                || (report.IsFinal && report.BlobETag != version);
            if (take)
            {
                pending.Add(blob.Name);
            }
        }

        var cutoff = now - submissionOptions.Value.UploadUrlLifetime - intakeOptions.Value.StuckAfter;
        var unused = reports.Values.Where(r => r.Status == ReportStatus.Received && r.ReceivedAt <= cutoff && !blobs.Contains(r.BlobName)).ToList();
        return new Findings(pending, unused);
    }

    /// <summary>The blobs <see cref="FindAsync"/> would take in.</summary>
    public async Task<IReadOnlyList<string>> FindPendingAsync(TimeSpan stuckAfter, CancellationToken cancellationToken) =>
        (await FindAsync(stuckAfter, cancellationToken)).Pending;

    /// <summary>One full sweep: takes in what is pending and rejects unused uploads. Returns how many blobs it took in.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var findings = await FindAsync(intakeOptions.Value.StuckAfter, cancellationToken);
        var taken = 0;
        foreach (var blobName in findings.Pending)
        {
            try
            {
                if (await intake.ProcessAsync(blobName, cancellationToken) is not null)
                {
                    taken++;
                }
            }
            catch (Exception e) when (e is RequestFailedException or IOException or InvalidOperationException || StorageFailures.IsOutage(e))
            {
                logger.LogWarning(e, "Reconcile could not take in {BlobName}; the next sweep tries again.", blobName);
            }
        }

        await RejectUnusedAsync(findings.Unused, cancellationToken);
        return taken;
    }

    /// <summary>Rejects reports whose file never came, if they are still waiting for it.</summary>
    public async Task RejectUnusedAsync(IEnumerable<ReportRecord> unused, CancellationToken cancellationToken)
    {
        foreach (var brief in unused)
        {
            if (await index.GetAsync(brief.Id, cancellationToken) is { Status: ReportStatus.Received } report &&
                await index.TryUpdateAsync(report with { Status = ReportStatus.Rejected, Error = new ReportError("upload-expired", "No file was uploaded before the upload URL expired; ask for a new one.") }, cancellationToken) is not null)
            {
                await history.AppendOnceAsync(report.Id, ReportHistory.Rejected, "rejected-upload-expired", "intake", "upload-expired", cancellationToken);
            }
        }
    }
}
