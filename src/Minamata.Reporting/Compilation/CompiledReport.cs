using Minamata.Reporting.Metadata;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The secretariat's implementation report as data: the JSON output is this model, and the Word and
/// HTML outputs are written from it. Nothing in it depends on when it was compiled, so the same
/// index always gives the same JSON.
/// </summary>
public sealed record CompiledReport(
    string Decision,
    string Cycle,
    CoverBlock Cover,
    Introduction Introduction,
    IReadOnlyList<SubmissionRow> Submissions,
    IReadOnlyList<ParagraphImplementation> Paragraphs,
    Annex Annex);

/// <summary>The cover block as UN documents print it; the agenda item when the cycle has one.</summary>
public sealed record CoverBlock(
    string Symbol,
    string Distribution,
    string Date,
    string Original,
    string Body,
    string Meeting,
    string MeetingDate,
    string Title,
    string Subtitle,
    AgendaItem? Agenda = null);

/// <summary>The mandate for the report, and what it covers.</summary>
public sealed record Introduction(string Mandate, ReportingPeriod? PeriodCovered, int ReportCount, int PartnerCount, string InformationAsOf);

/// <summary>One partner's line in the submissions table; report fields are empty for a missing partner.</summary>
public sealed record SubmissionRow(
    string Partner,
    string PartnerName,
    string State,
    string? ReportId,
    string? Symbol,
    string? Title,
    string? Language,
    ReportingPeriod? ReportingPeriod,
    string? Received);

/// <summary>A paragraph of the decision and the partners' reports that bear on it; <see cref="Note"/> says so when none does.</summary>
public sealed record ParagraphImplementation(int Number, string Mandate, IReadOnlyList<Evidence> Evidence, string? Note);

/// <summary>One report's evidence for a paragraph: up to three sentences, quoted in their own language.</summary>
public sealed record Evidence(string Partner, string PartnerName, string ReportId, string Source, string Language, string LanguageName, IReadOnlyList<Quote> Quotes);

/// <summary>A sentence quoted from a report, and the page it is on.</summary>
public sealed record Quote(string Text, int Page);

/// <summary>Every report the compilation drew on, and the documents they cite.</summary>
public sealed record Annex(IReadOnlyList<AnnexReport> Reports, IReadOnlyList<CitedDocument> CitedDocuments);

public sealed record AnnexReport(string ReportId, string Partner, string FileName, string Received, ReportMetadata Metadata);

public sealed record CitedDocument(string Symbol, int ReportCount);
