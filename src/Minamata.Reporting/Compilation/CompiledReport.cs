using Minamata.Reporting.Metadata;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The secretariat's implementation report as data: the JSON output is this model, and the Word,
/// HTML and Markdown outputs are written from it. Nothing in it depends on when it was compiled, so
/// the same index always gives the same JSON.
/// </summary>
public sealed record CompiledReport(
    string Decision,
    string Cycle,
    CoverBlock Cover,
    Introduction Introduction,
    IReadOnlyList<ParagraphImplementation> Paragraphs,
    PreviousMeeting? Previous,
    string SuggestedAction,
    Annexes Annex);

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

/// <summary>An organisation as the note names it: its partner id and its name.</summary>
public sealed record Organization(string Partner, string Name)
{
    /// <summary>
    /// The partner of a document that names no submitting organisation and came with no uploader
    /// (a file compiled offline): quoted, but counted and named as no organisation.
    /// </summary>
    public const string Unattributed = "UNATTRIBUTED";
}

/// <summary>
/// The mandate for the report and what it is based on: documents (a family of language versions
/// and revisions counts once), the report files they came in, the organisations that sent them,
/// and the expected organisations that sent nothing.
/// </summary>
public sealed record Introduction(
    string Mandate,
    ReportingPeriod? PeriodCovered,
    int DocumentCount,
    int ReportCount,
    int OrganizationCount,
    int ExpectedCount,
    IReadOnlyList<Organization> Missing,
    string InformationAsOf);

/// <summary>
/// A paragraph of the decision: its mandate, the drafted summary of who reported on it, and each
/// document's evidence; <see cref="Summary"/> says so plainly when no document bears on it.
/// </summary>
public sealed record ParagraphImplementation(int Number, string Heading, string Mandate, string Summary, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// One document's evidence for a paragraph: up to three sentences of its quoted version, in that
/// version's language, cited by <see cref="Source"/> (the latest revision's symbol, else its file
/// name) with its corrigenda and addenda (<c>Corr.1</c>) and its other languages, and numbered as
/// annex II lists it.
/// </summary>
public sealed record Evidence(
    string Partner,
    string PartnerName,
    int Document,
    string ReportId,
    string Source,
    IReadOnlyList<string> Amendments,
    IReadOnlyList<string> AlsoIn,
    string Language,
    string LanguageName,
    IReadOnlyList<Quote> Quotes);

/// <summary>A sentence quoted from a report, and the page it is on.</summary>
public sealed record Quote(string Text, int Page);

/// <summary>The previous meeting's cycle beside this one: who reported then, and who reported then or now only.</summary>
public sealed record PreviousMeeting(string Cycle, string Meeting, IReadOnlyList<Organization> ReportedThen, IReadOnlyList<Organization> ThenNotNow, IReadOnlyList<Organization> NowNotThen);

/// <summary>Annex I, the organisations by paragraph; annex II, the documents received; annex III, the documents they cite.</summary>
public sealed record Annexes(IReadOnlyList<int> MatrixParagraphs, IReadOnlyList<MatrixRow> Matrix, IReadOnlyList<ReceivedDocument> Documents, IReadOnlyList<CitedDocument> CitedDocuments);

/// <summary>
/// An organisation's row of annex I: its state, for each paragraph the documents (annex II numbers)
/// that bear on it, and whether it reported to the previous meeting (null when there is none to compare).
/// </summary>
public sealed record MatrixRow(string Partner, string PartnerName, string State, IReadOnlyList<MatrixCell> Cells, bool? ReportedToPrevious);

public sealed record MatrixCell(int Paragraph, IReadOnlyList<int> Documents);

/// <summary>A document of annex II: numbered, cited as the note cites it, with the files it came in (<see cref="Versions"/>).</summary>
public sealed record ReceivedDocument(
    int Number,
    string Partner,
    string PartnerName,
    string Source,
    IReadOnlyList<string> Amendments,
    IReadOnlyList<string> AlsoIn,
    string QuotedReportId,
    IReadOnlyList<DocumentVersion> Versions,
    string Title,
    string? Language,
    ReportingPeriod? ReportingPeriod,
    string? DocumentDate,
    string Received,
    string State);

/// <summary>One file of a document: a language version, revision, corrigendum or addendum, as it was received.</summary>
public sealed record DocumentVersion(string ReportId, string FileName, string? Symbol, string? Language);

/// <summary>A document the reports cite, and the annex II numbers of the documents citing it.</summary>
public sealed record CitedDocument(string Symbol, IReadOnlyList<int> CitedIn);
