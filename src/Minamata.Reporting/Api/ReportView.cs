using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Api;

/// <summary>A report as <c>GET /api/reports/{id}</c> shows it; storage details stay inside.</summary>
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
    string? Replaces,
    long? SizeBytes)
{
    public static ReportView From(ReportRecord report) => new(
        report.Id,
        report.Partner,
        report.Cycle,
        report.Status,
        report.FileName,
        report.ReceivedAt,
        report.IndexedAt,
        report.Error,
        report.Metadata,
        report.Replaces,
        report.SizeBytes);
}
