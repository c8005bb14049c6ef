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
    /// <summary>Blobs to take in: no report, a report <c>received</c> longer than <paramref name="stuckAfter"/>, or a newer blob version than the report's.</summary>
    public async Task<IReadOnlyList<string>> FindPendingAsync(TimeSpan stuckAfter, CancellationToken cancellationToken)
    {
        var reports = await index.ListAllBriefAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var pending = new List<string>();
        await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var version = blob.Properties.ETag is { } etag ? StorageFailures.Version(etag) : null;
            var take = !reports.TryGetValue(UploadLocation.Parse(blob.Name).ReportId, out var report)
                || (report.Status == ReportStatus.Received && now - report.ReceivedAt >= stuckAfter)
                || (report.IsFinal && report.BlobETag != version);
            if (take)
            {
                pending.Add(blob.Name);
            }
        }

        return pending;
    }

    /// <summary>One full sweep: takes in what is pending and expires unused upload URLs. Returns how many blobs it took in.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var blobName in await FindPendingAsync(intakeOptions.Value.StuckAfter, cancellationToken))
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

        await ExpireUnusedUploadsAsync(cancellationToken);
        return taken;
    }

    /// <summary>A report registered for an upload URL whose file never came is rejected once the URL is long expired.</summary>
    public async Task ExpireUnusedUploadsAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - submissionOptions.Value.UploadUrlLifetime - intakeOptions.Value.StuckAfter;
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            blobs.Add(blob.Name);
        }

        foreach (var brief in (await index.ListAllBriefAsync(cancellationToken)).Values)
        {
            if (brief.Status != ReportStatus.Received || brief.ReceivedAt > cutoff || blobs.Contains(brief.BlobName))
            {
                continue;
            }

            if (await index.GetAsync(brief.Id, cancellationToken) is { Status: ReportStatus.Received } report &&
                await index.TryUpdateAsync(report with { Status = ReportStatus.Rejected, Error = new ReportError("upload-expired", "No file was uploaded before the upload URL expired; ask for a new one.") }, cancellationToken) is not null)
            {
                await history.AppendOnceAsync(report.Id, ReportHistory.Rejected, "rejected-upload-expired", "intake", "upload-expired", cancellationToken);
            }
        }
    }
}
