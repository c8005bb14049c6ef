using Azure;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Index;
using Minamata.Reporting.Intake;

namespace Minamata.Reporting.Submissions;

/// <summary>What a partner hands in: the report's partner, cycle, file name and, for a correction, the report it replaces; who sent it and how (<see cref="ReportChannel"/>).</summary>
public sealed record Submission(string Partner, string Cycle, string FileName, string? Replaces, string UploadedBy, string Channel);

/// <summary>The report a submission became; <see cref="Duplicate"/> when it was the same file as one already handed in.</summary>
public sealed record SubmissionResult(ReportRecord Report, bool Duplicate);

/// <summary>A URL to PUT a large file to, for a report that exists from now on.</summary>
public sealed record DirectUpload(ReportRecord Report, Uri UploadUrl, DateTimeOffset ExpiresAt);

/// <summary>
/// The submission rules both upload paths share: a correction replaces the partner's own earlier
/// report of the same cycle; the same bytes from the same partner for the same cycle are the same
/// report, also when a correction superseded it (sending the old file again after a correction
/// would otherwise put both in the compilation); every accepted report is written to storage
/// before it is acknowledged.
/// </summary>
public sealed class ReportSubmissions(
    ReportIndex index,
    ReportHistory history,
    ContentHashes hashes,
    UploadUrls uploadUrls,
    IUploadNotifier notifier,
    IOptions<SubmissionOptions> options,
    TimeProvider clock)
{
    /// <summary>Why <paramref name="replaces"/> cannot be replaced by a report of this partner and cycle, or null when it can.</summary>
    public async Task<string?> ProblemWithReplacesAsync(string? replaces, string partner, string cycle, CancellationToken cancellationToken)
    {
        if (replaces is null)
        {
            return null;
        }

        var replaced = ReportId.TryGetPartner(replaces, out var owner) && owner == partner ? await index.GetAsync(replaces, cancellationToken) : null;
        return replaced is null || replaced.Cycle != cycle
            ? $"'replaces' must be the id of an earlier report of {partner} for {cycle}."
            : null;
    }

    /// <summary>
    /// Makes a staged file a report: returns the existing report when the same partner already sent
    /// these bytes for this cycle (the staged blocks are then never committed), else commits the
    /// blob, writes the report as <c>received</c> and tells the intake.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(StagedUpload file, Submission submission, string contentType, CancellationToken cancellationToken)
    {
        if (await SameFileAsync(file.Sha256, submission, cancellationToken) is { } existing)
        {
            return new SubmissionResult(existing, Duplicate: true);
        }

        var report = Received(file.BlobName, submission, contentType, file.Length, file.Sha256);
        // The hash is registered while the blob is written, and both before the row: a row that
        // carries its hash then always has it registered, and the intake need not write it again. (A
        // hash whose row never came, the blob having failed, is passed over by readers.)
        await Task.WhenAll(CommitAsync(file, submission, contentType, cancellationToken), hashes.RegisterAsync(file.Sha256, report, cancellationToken));
        var stored = await AddAsync(report, cancellationToken);
        notifier.Uploaded(file.BlobName);
        return new SubmissionResult(stored, Duplicate: false);
    }

    /// <summary>Registers the report and returns a URL to PUT its file to directly, for files too large for one request.</summary>
    public async Task<DirectUpload> PrepareDirectUploadAsync(Submission submission, CancellationToken cancellationToken)
    {
        var blobName = UploadLocation.ForDirectUpload(submission.Partner, submission.Cycle);
        var expiresAt = clock.GetUtcNow() + options.Value.UploadUrlLifetime;
        var url = await uploadUrls.CreateAsync(blobName, expiresAt, cancellationToken);
        var report = await AddAsync(Received(blobName, submission, null, null, null), cancellationToken);
        return new DirectUpload(report, url, expiresAt);
    }

    private static async Task CommitAsync(StagedUpload file, Submission submission, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await file.CommitAsync(new UploadBlobMetadata(submission.FileName, submission.Cycle, submission.Replaces, submission.UploadedBy, submission.Channel), contentType, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409 && submission.Channel == ReportChannel.Email)
        {
            // An e-mail attachment's blob is named after the message: a run that died after writing
            // it and before its row wrote these very bytes, under these very details. The row follows.
        }
    }

    private async Task<ReportRecord?> SameFileAsync(string sha256, Submission submission, CancellationToken cancellationToken)
    {
        foreach (var hashed in await hashes.FindAsync(sha256, cancellationToken))
        {
            if (hashed.Partner == submission.Partner && hashed.Cycle == submission.Cycle &&
                await index.GetAsync(hashed.ReportId, cancellationToken) is { Status: ReportStatus.Received or ReportStatus.Indexed or ReportStatus.Superseded } report)
            {
                return report;
            }
        }

        return null;
    }

    private ReportRecord Received(string blobName, Submission submission, string? contentType, long? size, string? sha256) => new()
    {
        Id = UploadLocation.Parse(blobName).ReportId,
        Partner = submission.Partner,
        Cycle = submission.Cycle,
        Status = ReportStatus.Received,
        FileName = submission.FileName,
        ContentType = contentType,
        BlobName = blobName,
        SizeBytes = size,
        Sha256 = sha256,
        UploadedBy = submission.UploadedBy,
        Channel = submission.Channel,
        ReceivedAt = clock.GetUtcNow(),
        Replaces = submission.Replaces,
    };

    /// <summary>
    /// Writes the report's row and its first history line at once, not one after the other: both are
    /// written once whoever gets there first (the intake, which reads the blob's own metadata, may
    /// have written the row and appends the same line; the row is then its), and the partner waits
    /// for one round trip to storage instead of two.
    /// </summary>
    private async Task<ReportRecord> AddAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        var added = index.TryAddAsync(report, cancellationToken);
        var received = history.AppendOnceAsync(report.Id, ReportHistory.Received, ReportHistory.Received, report.UploadedBy!, null, cancellationToken);
        await Task.WhenAll(added, received);
        return await added ?? report;
    }
}
