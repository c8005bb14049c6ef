using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Intake;

/// <summary>
/// Takes one uploaded blob into the index: reads it, extracts its metadata and writes the report as
/// <c>indexed</c>, or <c>rejected</c> with the reason. Both hosts call this with the blob's name (the
/// Functions blob trigger, the server's watcher). It is idempotent: the report id comes from the blob
/// name, and a blob version already taken in is not read again.
/// </summary>
public sealed class ReportIntake(
    ReportStorageClients storage,
    ReportIndex index,
    PartnerDirectory partners,
    MetadataExtractor extractor,
    IOptions<ExtractionOptions> extraction,
    TimeProvider clock,
    ILogger<ReportIntake> logger)
{
    /// <summary>Takes in the blob; returns the report as indexed or rejected, or null when the blob is gone.</summary>
    public async Task<ReportRecord?> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        var location = UploadLocation.Parse(blobName);
        var blob = storage.Uploads.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogInformation("Blob {BlobName} is gone; nothing to take in.", blobName);
            return null;
        }

        var blobETag = properties.ETag.ToString();
        var existing = await index.GetAsync(location.ReportId, cancellationToken);
        if (existing is not null && existing.Status != ReportStatus.Received && existing.BlobETag == blobETag)
        {
            return existing;
        }

        var received = existing ?? Received(location, properties);
        if (existing is null)
        {
            await index.TryAddAsync(received, cancellationToken);
        }

        var outcome = await ReadAsync(blob, location, received, properties, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        await index.SaveAsync(outcome, cancellationToken);
        logger.LogInformation("Report {ReportId} of {Partner} is {Status}.", outcome.Id, outcome.Partner, outcome.Status);
        return outcome;
    }

    private static ReportRecord Received(UploadLocation location, BlobProperties properties)
    {
        var described = UploadBlobMetadata.From(properties.Metadata);
        return new ReportRecord
        {
            Id = location.ReportId,
            Partner = location.PartnerKey,
            Cycle = described.Cycle ?? location.Cycle,
            Status = ReportStatus.Received,
            FileName = described.FileName ?? location.LastSegment,
            ContentType = properties.ContentType,
            BlobName = location.BlobName,
            SizeBytes = properties.ContentLength,
            ReceivedAt = properties.CreatedOn,
            Replaces = described.Replaces,
        };
    }

    private async Task<ReportRecord?> ReadAsync(
        BlobClient blob, UploadLocation location, ReportRecord received, BlobProperties properties, CancellationToken cancellationToken)
    {
        var done = received with { BlobETag = properties.ETag.ToString(), SizeBytes = properties.ContentLength };
        if (location.PartnerKey == ReportId.Unassigned || await partners.GetAsync(location.PartnerKey, cancellationToken) is null)
        {
            return Rejected(done, "unknown-partner", "The blob's path does not start with the id of a registered partner: upload files as {partner}/{cycle}/{file name}.");
        }

        if (received.Cycle is null)
        {
            return Rejected(done, "unknown-cycle", "The upload names no reporting cycle: upload files as {partner}/{cycle}/{file name}, e.g. WHO/COP-7/report.docx.");
        }

        if (properties.ContentLength > extraction.Value.MaxFileBytes)
        {
            return Rejected(done, DocumentErrorCodes.TooLarge, $"The file is larger than {extraction.Value.MaxFileBytes} bytes.");
        }

        await using var spool = TemporaryFile.Create();
        try
        {
            // Download exactly the version whose properties we read, so the ETag we record is the one we read.
            await blob.DownloadToAsync(spool, new BlobDownloadToOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Deleted or overwritten while we read it; the newer version gets its own turn.
            logger.LogInformation("Blob {BlobName} changed while being read; leaving it to its next event.", blob.Name);
            return null;
        }

        try
        {
            var metadata = await extractor.ExtractAsync(spool, received.FileName, cancellationToken);
            return done with { Status = ReportStatus.Indexed, IndexedAt = clock.GetUtcNow(), Metadata = metadata, Error = null };
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
    }

    private static ReportRecord Rejected(ReportRecord report, string code, string message) =>
        report with { Status = ReportStatus.Rejected, Error = new ReportError(code, message), Metadata = null, IndexedAt = null };
}
