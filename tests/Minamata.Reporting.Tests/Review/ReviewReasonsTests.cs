using System.Text.Json;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Review;

namespace Minamata.Reporting.Tests.Review;

public sealed class ReviewReasonsTests
{
    private static readonly ReportMetadata Read = new()
    {
        File = "report.docx",
        Format = "docx",
        Sha256 = "00",
        Title = null,
        Symbol = "UNEP/MC/COP.7/INF/12",
        DocumentDate = "2025-01-10",
        ReportingPeriod = new ReportingPeriod("2024-07", "2025-06"),
        Language = "en",
        SubmittedBy = "ILO",
        DuplicateOf = "WHO-EURO-0001",
        Sources = new MetadataSources { Symbol = MetadataSources.Body, DocumentDate = MetadataSources.Cover, ReportingPeriod = MetadataSources.Properties, SubmittedBy = MetadataSources.Cover },
    };

    [Fact]
    public void An_indexed_report_is_reviewed_for_missing_fields_uncertain_sources_another_submitter_and_a_copy()
    {
        Assert.Equal(
            ["missing:title", "source:symbol=body", "source:reportingPeriod=properties", "submittedBy-differs", "duplicate"],
            ReviewReasons.For(Report("WHO-EURO", ReportStatus.Indexed, Read)));
    }

    [Fact]
    public void A_corrected_field_is_settled()
    {
        var at = DateTimeOffset.UnixEpoch;
        var report = Report("WHO-EURO", ReportStatus.Indexed, Read) with
        {
            Corrections = new Dictionary<string, Correction>
            {
                ["title"] = new(JsonSerializer.SerializeToElement("Report of the ILO"), "secretariat", at),
                ["symbol"] = new(JsonSerializer.SerializeToElement("UNEP/MC/COP.7/INF/12"), "secretariat", at),
                ["submittedBy"] = new(JsonSerializer.SerializeToElement("ILO"), "secretariat", at),
            },
        };

        Assert.Equal(["source:reportingPeriod=properties", "duplicate"], ReviewReasons.For(report));
    }

    [Fact]
    public void An_office_submitting_for_its_organisation_is_not_another_submitter()
    {
        var report = Report("ILO-GENEVA", ReportStatus.Indexed, Read with { Title = "Report", Symbol = null, DuplicateOf = null });

        Assert.Equal(["missing:symbol", "source:reportingPeriod=properties"], ReviewReasons.For(report));
    }

    [Theory]
    [InlineData(ReportStatus.Rejected, "rejected")]
    [InlineData(ReportStatus.Received, null)]
    [InlineData(ReportStatus.Superseded, null)]
    public void Rejected_reports_are_reviewed_and_reports_in_progress_or_replaced_are_not(string status, string? reason)
    {
        Assert.Equal(reason is null ? [] : [reason], ReviewReasons.For(Report("WHO", status, status == ReportStatus.Rejected ? null : Read)));
    }

    private static ReportRecord Report(string partner, string status, ReportMetadata? metadata) => new()
    {
        Id = $"{partner}-0002",
        Partner = partner,
        Status = status,
        FileName = "report.docx",
        BlobName = "x",
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Extracted = metadata,
    };
}
