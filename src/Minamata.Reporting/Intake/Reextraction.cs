using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Intake;

/// <summary>
/// Reads reports again with the extraction this build has, after an upgrade of the readers or
/// finders. A report asked for is marked as not read in its current version (with its attempts
/// started afresh), so the intake takes it like a new version of its file: what was extracted is
/// replaced, the secretariat's corrections are kept, and the report stays as it was (indexed, with
/// its old record) until the new reading ends.
/// </summary>
public sealed class Reextraction(ReportIndex index, ReportHistory history, ReportIntake intake)
{
    /// <summary>
    /// Marks the report to be read again; the reconcile sweep (or <see cref="ReadAgainAsync"/>)
    /// reads it. Null when there is no such report; the report unchanged when it is still being taken
    /// in or was superseded, which is not read again.
    /// </summary>
    public async Task<ReportRecord?> RequestAsync(string id, string by, CancellationToken cancellationToken)
    {
        if (await index.GetAsync(id, cancellationToken) is not { } report)
        {
            return null;
        }

        var marked = await OptimisticUpdate.ApplyAsync(
            report,
            current => current.Status is ReportStatus.Indexed or ReportStatus.Rejected
                ? current with { BlobETag = null, Attempts = 0, AttemptedAt = null }
                : null,
            row => index.TryUpdateAsync(row, cancellationToken),
            () => index.GetAsync(id, cancellationToken),
            $"Report {id}");
        if (marked.Written)
        {
            await history.AppendAsync(id, ReportHistory.ReextractionRequested, by, MetadataExtractor.Version, cancellationToken);
        }

        return marked.Row;
    }

    /// <summary>Marks the report and reads it at once: the report as the intake left it.</summary>
    public async Task<ReportRecord?> ReadAgainAsync(string id, string by, CancellationToken cancellationToken) =>
        await RequestAsync(id, by, cancellationToken) is { } report && report.BlobETag is null
            ? await intake.ProcessAsync(report.BlobName, cancellationToken)
            : null;
}
