using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Api;

/// <summary>
/// A report as the API shows it: the contract's fields (<c>metadata</c> is the effective record,
/// <c>extracted</c> what the extractor read, <c>corrections</c> the secretariat's, by field), and as
/// extensions the file's size, how it came in (<c>channel</c>), the report that superseded it and,
/// for <c>GET /api/reports/{id}</c>, its history. Storage details
/// (blob name, versions, search words) stay inside, and so does another partner's report id: a
/// partner sees <c>duplicateOf</c> only when the earlier copy is its own.
/// </summary>
public sealed record ReportView(
    string Id,
    string Partner,
    string? Cycle,
    string Status,
    string FileName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? IndexedAt,
    ReportError? Error,
    ReportMetadata? Metadata,
    ReportMetadata? Extracted,
    string? ExtractorVersion,
    IReadOnlyDictionary<string, Correction> Corrections,
    string? IssuedSymbol,
    string? Replaces,
    string? SupersededBy,
    long? SizeBytes,
    string? Channel,
    IReadOnlyList<HistoryEntry>? History)
{
    public static ReportView For(Caller viewer, ReportRecord report, IReadOnlyList<HistoryEntry>? history = null) => new(
        report.Id,
        report.Partner,
        report.Cycle,
        report.Status,
        report.FileName,
        report.ReceivedAt,
        report.IndexedAt,
        report.Error,
        Visible(viewer, report.Metadata),
        Visible(viewer, report.Extracted),
        report.ExtractorVersion,
        report.Corrections,
        report.IssuedSymbol,
        report.Replaces,
        report.SupersededBy,
        report.SizeBytes,
        report.Channel,
        history);

    private static ReportMetadata? Visible(Caller viewer, ReportMetadata? metadata) =>
        metadata is { DuplicateOf: { } duplicate } && !(ReportId.TryGetPartner(duplicate, out var owner) && viewer.MaySee(owner))
            ? metadata with { DuplicateOf = null }
            : metadata;
}
