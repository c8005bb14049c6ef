using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Review;

/// <summary>
/// Why the secretariat should look at a report before it relies on it: fields the extractor left
/// empty, fields it read only from the running text or the file's properties (less sure than a
/// cover or a header), a report that says another organisation submitted it, a copy of another
/// report, a report that could not be read. A field the secretariat corrected is settled.
/// </summary>
public static class ReviewReasons
{
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public const string SubmittedByDiffers = "submittedBy-differs";

    /// <summary>The fields a report should have, in the order the secretariat checks them.</summary>
    private static readonly (string Field, Func<ReportMetadata, object?> Value, Func<MetadataSources, string?> Source)[] Checked =
    [
        ("title", m => m.Title, s => s.Title),
        ("symbol", m => m.Symbol, s => s.Symbol),
        ("documentDate", m => m.DocumentDate, s => s.DocumentDate),
        ("reportingPeriod", m => m.ReportingPeriod, s => s.ReportingPeriod),
        ("language", m => m.Language, _ => null),
        ("submittedBy", m => m.SubmittedBy, s => s.SubmittedBy),
    ];

    /// <summary>The reasons to review the report, most telling first; none for a report that needs no look.</summary>
    public static IReadOnlyList<string> For(ReportRecord report)
    {
        if (report.Status == ReportStatus.Rejected)
        {
            return [Rejected];
        }

        if (report.Status != ReportStatus.Indexed || report.Metadata is not { } metadata)
        {
            return [];
        }

        var reasons = new List<string>();
        foreach (var (field, value, source) in Checked.Where(c => !report.Corrections.ContainsKey(c.Field)))
        {
            if (value(metadata) is null)
            {
                reasons.Add($"missing:{field}");
            }
            else if (source(metadata.Sources) is { } from && from is MetadataSources.Body or MetadataSources.Properties)
            {
                reasons.Add($"source:{field}={from}");
            }
        }

        if (metadata.SubmittedBy is { } submitter && !report.Corrections.ContainsKey("submittedBy") && !PartnerId.BelongsTo(report.Partner, submitter))
        {
            reasons.Add(SubmittedByDiffers);
        }

        if (metadata.DuplicateOf is not null)
        {
            reasons.Add(Duplicate);
        }

        return reasons;
    }
}
