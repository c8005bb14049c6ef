using System.Globalization;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Metadata.Fields;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// Assembles the implementation report from a cycle's reports: the cover, the introduction with the
/// period covered, the submissions table, the evidence for each paragraph of the decision, and the
/// annex. A pure function of its input: the same index gives the same report.
/// </summary>
public static class ReportCompiler
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> LanguageNames = new()
    {
        ["ar"] = "Arabic", ["zh"] = "Chinese", ["en"] = "English", ["fr"] = "French", ["ru"] = "Russian", ["es"] = "Spanish",
    };

    public static CompiledReport Compile(DecisionMandate decision, CompilationInput input)
    {
        var cycle = input.Cycle;
        var names = input.Partners.ToDictionary(p => p.Id, p => p.Name);
        // Superseded versions and rejected files are not part of what partners reported.
        var current = input.Reports
            .Where(r => r.Report.Status == ReportStatus.Indexed && r.Report.Metadata is not null)
            .OrderBy(r => r.Report.Partner, StringComparer.Ordinal)
            .ThenBy(r => r.Report.ReceivedAt)
            .ThenBy(r => r.Report.Id, StringComparer.Ordinal)
            .ToList();
        var status = CycleStatus.Compute(cycle, input.Reports.Select(r => r.Report), onlyPartner: null);
        var asOf = current.Count == 0 ? cycle.SubmissionDeadline : DateOnly.FromDateTime(current.Max(r => r.Report.ReceivedAt).UtcDateTime);

        return new CompiledReport(
            decision.Decision,
            cycle.Id,
            Cover(decision, cycle, asOf),
            Introduction(decision, current, asOf),
            Submissions(status, current, names),
            Paragraphs(decision, current, names),
            Annex(current));
    }

    public static string LanguageName(string? code) => code is not null && LanguageNames.TryGetValue(code, out var name) ? name : code ?? "an undetermined language";

    /// <summary>How a report is cited: the symbol the secretariat issued it under, else its own symbol, else its file name.</summary>
    public static string Source(ReportRecord report) => report.IssuedSymbol ?? report.Metadata?.Symbol ?? report.FileName;

    private static CoverBlock Cover(DecisionMandate decision, ReportingCycle cycle, DateOnly asOf) => new(
        Symbol: $"UNEP/MC/{MeetingSymbol(cycle.Id)}/INF/__",
        Distribution: "Distr.: General",
        Date: Format(asOf),
        Original: "Original: English",
        Body: "Conference of the Parties to the Minamata Convention on Mercury",
        Meeting: cycle.Title,
        MeetingDate: Format(cycle.MeetingStart),
        Title: $"{decision.Subject}: report on the implementation of decision {decision.DecisionForTitle}",
        Subtitle: "Note by the secretariat",
        Agenda: cycle.AgendaItem);

    private static Introduction Introduction(DecisionMandate decision, List<ReportWithText> reports, DateOnly asOf)
    {
        var mandate = decision.Paragraphs.Single(p => p.Number == decision.ReportParagraph).Mandate;
        var periods = reports.Select(r => r.Report.Metadata!.ReportingPeriod).OfType<ReportingPeriod>().ToList();
        var covered = periods.Count == 0
            ? null
            : new ReportingPeriod(periods.Select(p => p.Start).Min(StringComparer.Ordinal)!, periods.Select(p => p.End).Max(StringComparer.Ordinal)!);
        return new Introduction(
            $"In paragraph {decision.ReportParagraph} of decision {decision.DecisionForTitle}, the Conference of the Parties {char.ToLowerInvariant(mandate[0])}{mandate[1..]}",
            covered,
            reports.Count,
            reports.Select(r => r.Report.Partner).Distinct().Count(),
            Format(asOf));
    }

    private static List<SubmissionRow> Submissions(CycleStatus status, List<ReportWithText> current, Dictionary<string, string> names)
    {
        var rows = new List<SubmissionRow>();
        foreach (var standing in status.Partners)
        {
            var reports = current.Where(r => r.Report.Partner == standing.Id).ToList();
            if (reports.Count == 0)
            {
                rows.Add(new SubmissionRow(standing.Id, names.GetValueOrDefault(standing.Id, standing.Id), standing.State, null, null, null, null, null, null));
                continue;
            }

            rows.AddRange(reports.Select(r => new SubmissionRow(
                standing.Id,
                names.GetValueOrDefault(standing.Id, standing.Id),
                standing.State,
                r.Report.Id,
                r.Report.IssuedSymbol ?? r.Report.Metadata!.Symbol,
                r.Report.Metadata!.Title ?? r.Report.FileName,
                r.Report.Metadata.Language,
                r.Report.Metadata.ReportingPeriod,
                r.Report.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static List<ParagraphImplementation> Paragraphs(DecisionMandate decision, List<ReportWithText> current, Dictionary<string, string> names)
    {
        var sentences = current.ToDictionary(r => r.Report.Id, r => Sentences.Split(r.Text, CoverPage.Read(r.Text).BodyStart).Select(AnalysedSentence.Of).ToList());
        var paragraphs = new List<ParagraphImplementation>();
        foreach (var paragraph in decision.Paragraphs.OrderBy(p => p.Number))
        {
            var evidence = current
                .Select(r => (Report: r.Report, Quotes: EvidenceFinder.Find(paragraph, sentences[r.Report.Id])))
                .Where(e => e.Quotes.Count > 0)
                .Select(e => new Evidence(
                    e.Report.Partner,
                    names.GetValueOrDefault(e.Report.Partner, e.Report.Partner),
                    e.Report.Id,
                    Source(e.Report),
                    e.Report.Metadata!.Language ?? "",
                    LanguageName(e.Report.Metadata.Language),
                    e.Quotes.Select(q => new Quote(q.Text, q.Page)).ToList()))
                .ToList();
            var note = paragraph.Number == decision.ReportParagraph
                ? "The present note responds to this paragraph."
                : evidence.Count == 0 ? "No report received for this cycle bears on this paragraph." : null;
            paragraphs.Add(new ParagraphImplementation(paragraph.Number, paragraph.Mandate, evidence, note));
        }

        return paragraphs;
    }

    private static Annex Annex(List<ReportWithText> current)
    {
        var cited = current
            .SelectMany(r => r.Report.Metadata!.ReferencedDocuments.Distinct())
            .GroupBy(s => s)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CitedDocument(g.Key, g.Count()))
            .ToList();
        return new Annex(
            current.Select(r => new AnnexReport(r.Report.Id, r.Report.Partner, r.Report.FileName, r.Report.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Report.Metadata!)).ToList(),
            cited);
    }

    /// <summary>"COP-7" is "COP.7" in a symbol.</summary>
    private static string MeetingSymbol(string cycle) => cycle.Replace('-', '.').Replace("EXCOP", "ExCOP", StringComparison.OrdinalIgnoreCase);

    /// <summary>A date as UN documents print it: "30 November 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", English);
}
