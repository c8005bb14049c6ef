using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Receipts;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Intake;

/// <summary>
/// Takes one uploaded blob into the index: reads it, extracts its metadata and writes the report as
/// <c>indexed</c>, or <c>rejected</c> with the reason. Both hosts call this with the blob's name (the
/// Functions blob trigger and reconcile timer, the server's watcher). It is idempotent on (blob
/// name, ETag): the report id comes from the blob name, a blob version already taken in is not
/// read again, and every index update is conditional, so racing instances produce one report.
/// </summary>
public sealed class ReportIntake(
    ReportStorageClients storage,
    ReportIndex index,
    ReportHistory history,
    ContentHashes hashes,
    PartnerDirectory partners,
    CycleStore cycles,
    MetadataExtractor extractor,
    ReportReceipts receipts,
    IOptions<ExtractionOptions> extraction,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider clock,
    ILogger<ReportIntake> logger)
{
    private const string Intake = "intake";

    /// <summary>Takes in the blob; returns the report as indexed or rejected, or null when the blob is gone or changed meanwhile.</summary>
    public async Task<ReportRecord?> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        var location = UploadLocation.Parse(blobName);
        using var span = ReportingTelemetry.StartIntake(location.ReportId, location.PartnerKey);
        using var download = await OpenAsync(blobName, cancellationToken);
        if (download is null)
        {
            logger.LogInformation("Blob {BlobName} is gone; nothing to take in.", blobName);
            return null;
        }

        var properties = download.Details;
        var report = await ReceivedAsync(location, properties, cancellationToken);
        var version = StorageFailures.Version(properties.ETag);
        if ((report.IsFinal && report.BlobETag == version) || report.Status == ReportStatus.Withdrawn)
        {
            // A withdrawn report is never read again: its partner took it back.
            return report;
        }

        if (report.Attempts >= intakeOptions.Value.MaxAttempts)
        {
            if (clock.GetUtcNow() - report.AttemptedAt < intakeOptions.Value.StuckAfter)
            {
                // The last attempt may still be running (events arrive more than once): never read
                // past the limit; whoever comes after it is over decides.
                return report;
            }

            // Every attempt was counted before it read the file and none left a verdict: the file
            // stopped or outlived the worker each time (a crash, an out-of-memory kill, a timeout).
            return await CommitAsync(report, Rejected(report with { BlobETag = version }, "intake-failed",
                $"The report could not be taken in after {report.Attempts} attempts; none of them finished reading it."), cancellationToken);
        }

        if (await CountAttemptAsync(report, version, cancellationToken) is not { } counted)
        {
            return await index.GetAsync(location.ReportId, cancellationToken);
        }

        report = counted;
        ReportRecord? outcome;
        try
        {
            outcome = await ReadAsync(download, location, report, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or IOException || StorageFailures.IsOutage(e))
        {
            await RecordFailureAsync(report, properties, e, cancellationToken);
            throw;
        }

        var committed = outcome is null ? null : await CommitAsync(report, outcome, cancellationToken);
        span?.SetTag("minamata.report.status", committed?.Status);
        return committed;
    }

    /// <summary>
    /// The blob's properties and, to be read only once the intake's checks pass, its bytes, in one
    /// request (a HEAD and a GET were one storage request more per report); null when it is gone. A
    /// broken download resumes only on the version whose properties these are.
    /// </summary>
    private async Task<BlobDownloadStreamingResult?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.Uploads.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The report as the index has it, added as <c>received</c> from the blob alone if the upload route never wrote it.</summary>
    private async Task<ReportRecord> ReceivedAsync(UploadLocation location, BlobDownloadDetails properties, CancellationToken cancellationToken)
    {
        if (await index.GetAsync(location.ReportId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var described = UploadBlobMetadata.From(properties.Metadata);
        var received = new ReportRecord
        {
            Id = location.ReportId,
            Partner = location.PartnerKey,
            Cycle = described.Cycle ?? location.Cycle,
            Status = ReportStatus.Received,
            FileName = described.FileName ?? location.LastSegment,
            ContentType = properties.ContentType,
            BlobName = location.BlobName,
            SizeBytes = properties.ContentLength,
            UploadedBy = described.UploadedBy ?? location.PartnerKey,
            // A blob the API did not describe was put into the container by other means.
            Channel = described.Channel ?? (described.UploadedBy is null ? ReportChannel.Storage : null),
            ReceivedAt = properties.CreatedOn,
            Replaces = described.Replaces,
        };
        if (await index.TryAddAsync(received, cancellationToken) is { } added)
        {
            await history.AppendOnceAsync(added.Id, ReportHistory.Received, ReportHistory.Received, added.UploadedBy!, null, cancellationToken);
            return added;
        }

        return await index.GetAsync(location.ReportId, cancellationToken) ?? throw new InvalidOperationException($"Report {location.ReportId} vanished while being added.");
    }

    private async Task<ReportRecord?> ReadAsync(
        BlobDownloadStreamingResult download, UploadLocation location, ReportRecord received, CancellationToken cancellationToken)
    {
        var properties = download.Details;
        var done = received with { BlobETag = StorageFailures.Version(properties.ETag), SizeBytes = properties.ContentLength };
        if (location.PartnerKey == ReportId.Unassigned || !await partners.ExistsAsync(location.PartnerKey, cancellationToken))
        {
            return Rejected(done, "unknown-partner", "The blob's path does not start with the id of a registered partner: upload files as {partner}/{cycle}/{file name}.");
        }

        if (received.Cycle is null || await cycles.GetAsync(received.Cycle, cancellationToken) is null)
        {
            return Rejected(done, "unknown-cycle", $"The upload names no open reporting cycle ('{received.Cycle}'): upload files as {{partner}}/{{cycle}}/{{file name}}, e.g. WHO/COP-7/report.docx.");
        }

        if (properties.ContentLength > extraction.Value.MaxFileBytes)
        {
            return Rejected(done, DocumentErrorCodes.TooLarge, $"The file is larger than {extraction.Value.MaxFileBytes} bytes.");
        }

        if (!string.IsNullOrEmpty(properties.CopyId))
        {
            // An upload URL lets a partner write one blob, but a copy could bring in any blob the
            // partner can name, another partner's included, and then download it as its own.
            return Rejected(done, "copied", "The file was copied into the upload container from another blob; upload the file itself.");
        }

        if (FileNameRules.Normalise(received.FileName, out var badName) is null)
        {
            return Rejected(done, "bad-file-name", badName);
        }

        await using var spool = TemporaryFile.Create();
        try
        {
            // The version whose properties we read, so the ETag we record is the one we read.
            await download.Content.CopyToAsync(spool, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Deleted or overwritten while we read it; the newer version gets its own turn.
            logger.LogInformation("Blob {BlobName} changed while being read; leaving it to its next event.", location.BlobName);
            return null;
        }

        Extraction read;
        try
        {
            read = await extractor.ExtractWithTextAsync(spool, received.FileName, cancellationToken);
        }
        catch (DocumentReadException e)
        {
            return Rejected(done, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not RequestFailedException and not IOException)
        {
            // A reader failing in a way nobody foresaw must still end in a verdict, or the blob would be
            // retried forever; the log keeps the detail for whoever fixes the reader.
            logger.LogError(e, "Reading report {ReportId} failed unexpectedly.", received.Id);
            return Rejected(done, DocumentErrorCodes.Corrupt, "The file could not be read.");
        }

        var sha256 = read.Metadata.Sha256;
        var earlier = await EarlierCopiesAsync(sha256, received, cancellationToken);
        if (earlier.FirstOrDefault(r => r.Partner == received.Partner && r.Cycle == received.Cycle) is { } same)
        {
            return Rejected(done with { Sha256 = sha256 }, "duplicate", $"The same file was already submitted as report {same.Id}.");
        }

        // Kept for compilation, which quotes sentences with their pages; written before the verdict so an indexed report always has its text.
        await storage.Texts.GetBlobClient(TextBlobName(received.Id)).UploadAsync(BinaryData.FromString(read.Text), overwrite: true, cancellationToken);

        return done with
        {
            Status = ReportStatus.Indexed,
            IndexedAt = clock.GetUtcNow(),
            Sha256 = sha256,
            Extracted = read.Metadata with { DuplicateOf = earlier.FirstOrDefault()?.Id },
            ExtractorVersion = MetadataExtractor.Version,
            ContentType = Documents.DocumentFormat.MediaType(read.Metadata.Format),
            SearchWords = SearchWords.Build(read.Metadata.Title, read.Text),
            Error = null,
        };
    }

    /// <summary>Other live (received or indexed) reports with the same bytes, oldest id first.</summary>
    private async Task<List<ReportRecord>> EarlierCopiesAsync(string sha256, ReportRecord report, CancellationToken cancellationToken)
    {
        var copies = new List<ReportRecord>();
        foreach (var hashed in (await hashes.FindAsync(sha256, cancellationToken)).Where(h => h.ReportId != report.Id).OrderBy(h => h.ReportId, StringComparer.Ordinal))
        {
            if (await index.GetAsync(hashed.ReportId, cancellationToken) is { Status: ReportStatus.Received or ReportStatus.Indexed } copy && copy.ReceivedAt <= report.ReceivedAt)
            {
                copies.Add(copy);
            }
        }

        return copies;
    }

    /// <summary>
    /// Writes the verdict if the row is still as read; on a conflict re-reads and either finds the
    /// work done by another instance or tries again on the newer row. Only the writer that wins
    /// records the history and the consequences (content hash, superseding).
    /// </summary>
    private async Task<ReportRecord> CommitAsync(ReportRecord read, ReportRecord outcome, CancellationToken cancellationToken)
    {
        var committed = await OptimisticUpdate.ApplyAsync(
            read,
            current => (current.IsFinal && current.BlobETag == outcome.BlobETag) || current.Status == ReportStatus.Withdrawn
                ? null
                // A report superseded while it was being read stays superseded, with its metadata filled in.
                : current.SupersededBy is null || outcome.Status != ReportStatus.Indexed
                    // Corrections made while the file was read are the row's, never the reader's to drop.
                    ? outcome with { Version = current.Version, Attempts = current.Attempts, Corrections = current.Corrections }
                    : outcome with { Version = current.Version, Attempts = current.Attempts, Corrections = current.Corrections, Status = ReportStatus.Superseded, SupersededBy = current.SupersededBy },
            verdict => index.TryUpdateAsync(verdict, cancellationToken),
            () => index.GetAsync(read.Id, cancellationToken),
            $"Report {read.Id}");
        var stored = committed.Row ?? throw new InvalidOperationException($"Report {read.Id} vanished from the index.");
        if (committed.Written)
        {
            // The upload registered the hash of the row it wrote; a file that came another way, or changed, is registered here.
            await AfterVerdictAsync(stored, hashRegistered: read.Sha256 is not null && read.Sha256 == stored.Sha256, cancellationToken);
            logger.LogInformation("Report {ReportId} of {Partner} is {Status}.", stored.Id, stored.Partner, stored.Status);
        }

        return stored;
    }

    private async Task AfterVerdictAsync(ReportRecord report, bool hashRegistered, CancellationToken cancellationToken)
    {
        await RecordVerdictAsync(report, hashRegistered, cancellationToken);
        try
        {
            await receipts.SendAsync(report, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFailures.IsOutage(e))
        {
            // The verdict stands; the daily run sends the receipts that are missing.
            logger.LogWarning(e, "The receipt for report {ReportId} could not be sent now; the daily run sends it.", report.Id);
        }
    }

    private async Task RecordVerdictAsync(ReportRecord report, bool hashRegistered, CancellationToken cancellationToken)
    {
        // Once per version of the file and of the extraction: a re-extraction is a reading of its own.
        var key = $"{report.Status}-{report.BlobETag}-{report.ExtractorVersion}";
        await history.AppendOnceAsync(report.Id, report.Status == ReportStatus.Rejected ? ReportHistory.Rejected : ReportHistory.Indexed, key, Intake, report.Error?.Code, cancellationToken);
        if (report.Status == ReportStatus.Rejected || report.Sha256 is null)
        {
            return;
        }

        if (!hashRegistered)
        {
            await hashes.RegisterAsync(report.Sha256, report, cancellationToken);
        }

        if (report.Metadata?.SubmittedBy is { } submitter && !PartnerId.BelongsTo(report.Partner, submitter))
        {
            // Noted, not refused: a partner may file another organisation's report (a joint one, or on its behalf).
            await history.AppendOnceAsync(report.Id, ReportHistory.SubmittedByAnother, $"submitted-by-{report.BlobETag}", Intake, submitter, cancellationToken);
        }

        if (report.Replaces is not null && report.Status == ReportStatus.Indexed)
        {
            await SupersedeAsync(report.Replaces, report, cancellationToken);
        }
    }

    /// <summary>Marks the report that <paramref name="replacement"/> corrects as superseded by it.</summary>
    private async Task SupersedeAsync(string replacedId, ReportRecord replacement, CancellationToken cancellationToken)
    {
        if (await index.GetAsync(replacedId, cancellationToken) is not { } replaced)
        {
            return;
        }

        var superseded = await OptimisticUpdate.ApplyAsync(
            replaced,
            current => current.Partner != replacement.Partner || current.SupersededBy == replacement.Id
                ? null
                : current with { Status = current.Status == ReportStatus.Rejected ? ReportStatus.Rejected : ReportStatus.Superseded, SupersededBy = replacement.Id },
            row => index.TryUpdateAsync(row, cancellationToken),
            () => index.GetAsync(replacedId, cancellationToken),
            $"Report {replacedId}");
        if (superseded.Written)
        {
            await history.AppendOnceAsync(replacedId, ReportHistory.Superseded, $"superseded-{replacement.Id}", Intake, replacement.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Counts this attempt before the file is read, so a file that kills the worker or outlives it
    /// still uses up its attempts. Null when another worker gave the verdict meanwhile.
    /// </summary>
    private async Task<ReportRecord?> CountAttemptAsync(ReportRecord report, string? version, CancellationToken cancellationToken)
    {
        var counted = await OptimisticUpdate.ApplyAsync(
            report,
            current => (current.IsFinal && current.BlobETag == version) || current.Status == ReportStatus.Withdrawn ? null : current with { Attempts = current.Attempts + 1, AttemptedAt = clock.GetUtcNow() },
            row => index.TryUpdateAsync(row, cancellationToken),
            () => index.GetAsync(report.Id, cancellationToken),
            $"Report {report.Id}");
        return counted.Written ? counted.Row : null;
    }

    /// <summary>
    /// After a failed attempt (already counted), a report at the limit becomes <c>rejected</c> with
    /// the last error and is not retried. If storage itself is down this cannot be written, and the
    /// next attempt (event redelivery or reconcile sweep) will decide again.
    /// </summary>
    private async Task RecordFailureAsync(ReportRecord report, BlobDownloadDetails properties, Exception error, CancellationToken cancellationToken)
    {
        if (report.Attempts < intakeOptions.Value.MaxAttempts)
        {
            return;
        }

        var failed = Rejected(report with { BlobETag = StorageFailures.Version(properties.ETag) }, "intake-failed",
            $"The report could not be taken in after {report.Attempts} attempts; last error: {error.Message}");
        try
        {
            if (await index.TryUpdateAsync(failed, cancellationToken) is { Status: ReportStatus.Rejected } rejected)
            {
                await AfterVerdictAsync(rejected, hashRegistered: false, cancellationToken);
            }
        }
        catch (Exception e) when (e is RequestFailedException || StorageFailures.IsOutage(e))
        {
            logger.LogWarning(e, "Could not record the failed attempt on report {ReportId}.", report.Id);
        }
    }

    /// <summary>Where the text read from a report is kept.</summary>
    public static string TextBlobName(string reportId) => reportId + ".txt";

    private static ReportRecord Rejected(ReportRecord report, string code, string message) =>
        report with { Status = ReportStatus.Rejected, Error = new ReportError(code, message), Extracted = null, IndexedAt = null, SearchWords = null };
}
