using Minamata.Reporting.Compilation;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Issuance;

/// <summary>
/// The cover page of an issued report, in the UN's layout: the symbol it was issued under, Distr.:
/// General, the date of issue, the report's own language as the original, the meeting, its agenda
/// item, the report's title, "Note by the secretariat", and the note circulating the report as
/// received. Written with the same layout and Word writer as the secretariat's compiled note.
/// </summary>
public static class InfCoverPage
{
    public static ReportLayout For(ReportRecord report, ReportingCycle cycle, string partnerName)
    {
        if (report.IssuedSymbol is not { } symbol || report.IssuedAt is not { } issuedAt)
        {
            throw new ArgumentException($"Report {report.Id} is not issued.", nameof(report));
        }

        var metadata = report.Metadata;
        var cover = new CoverBlock(
            Symbol: symbol,
            Distribution: "Distr.: General",
            Date: ReportCompiler.Format(DateOnly.FromDateTime(issuedAt.UtcDateTime)),
            Original: $"Original: {ReportCompiler.LanguageName(metadata?.Language)}",
            Body: "Conference of the Parties to the Minamata Convention on Mercury",
            Meeting: MeetingNames.OnCover(cycle),
            MeetingDate: MeetingNames.Dates(cycle),
            Title: metadata?.Title ?? report.FileName,
            Subtitle: "Note by the secretariat",
            Agenda: cycle.AgendaItem);
        var circulated = new Prose(
            $"The secretariat has the honour to circulate, in the annex to the present note, a report submitted by {OrganizationNames.InProse(partnerName, report.Partner)}. " +
            "The report is presented as received, without formal editing.",
            Number: "1.");
        return new ReportLayout(cover, [circulated]);
    }
}
