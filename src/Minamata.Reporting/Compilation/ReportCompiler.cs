using System.Globalization;
using Minamata.Reporting.Index;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Metadata.Fields;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// Assembles the implementation report from a cycle's reports: the cover, the introduction, for
/// each paragraph of the decision a drafted summary and each document's evidence, the previous
/// meeting beside this one, the suggested action, and the annexes. Documents, not files, are
/// counted: language versions and revisions of one symbol are one document (<see cref="DocumentFamilies"/>).
/// A pure function of its input: the same index gives the same report.
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
        var names = new PartnerNames(input.Partners);
        // Superseded versions, withdrawn and rejected files are not part of what partners reported.
        var current = input.Reports.Where(r => r.Report.Status == ReportStatus.Indexed && r.Report.Metadata is not null).ToList();
        var families = DocumentFamilies.Group(current);
        var status = CycleStatus.Compute(cycle, input.Reports.Select(r => r.Report), onlyPartner: null);
        var asOf = current.Count == 0 ? cycle.SubmissionDeadline : DateOnly.FromDateTime(current.Max(r => r.Report.ReceivedAt).UtcDateTime);
        var documents = Documents(cycle, families, names);
        var paragraphs = Paragraphs(decision, families, documents);
        var previous = Previous(input.Previous, families, names);

        return new CompiledReport(
            decision.Decision,
            cycle.Id,
            Cover(decision, cycle, asOf),
            Introduction(decision, cycle, families, status, names, asOf),
            paragraphs,
            previous,
            ReportPhrases.SuggestedAction,
            new Annexes(
                [.. decision.ReportedOn.Select(p => p.Number)],
                Matrix(status, paragraphs, previous, names),
                documents,
                Cited(families, documents)));
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
        Meeting: MeetingNames.OnCover(cycle),
        MeetingDate: MeetingNames.Dates(cycle),
        Title: $"{decision.Subject}: report on the implementation of decision {decision.DecisionForTitle}",
        Subtitle: "Note by the secretariat",
        Agenda: cycle.AgendaItem);

    private static Introduction Introduction(DecisionMandate decision, ReportingCycle cycle, IReadOnlyList<DocumentFamily> families, CycleStatus status, PartnerNames names, DateOnly asOf)
    {
        var periods = families.Select(f => f.Quoted.Report.Metadata!.ReportingPeriod).OfType<ReportingPeriod>().ToList();
        var covered = periods.Count == 0
            ? null
            : new ReportingPeriod(periods.Select(p => p.Start).Min(StringComparer.Ordinal)!, periods.Select(p => p.End).Max(StringComparer.Ordinal)!);
        return new Introduction(
            ReportPhrases.Mandate(decision, decision.Paragraphs.Single(p => p.Number == decision.ReportParagraph)),
            covered,
            families.Count,
            families.Sum(f => f.Members.Count),
            families.Select(f => f.Partner).Where(p => p != Organization.Unattributed).Distinct().Count(),
            cycle.ExpectedPartners.Count,
            [.. status.Partners.Where(p => p.State == CycleStatus.Missing).Select(p => names.Of(p.Id))],
            Format(asOf));
    }

    /// <summary>Annex II: each document once, numbered in the order the note lists them.</summary>
    private static List<ReceivedDocument> Documents(ReportingCycle cycle, IReadOnlyList<DocumentFamily> families, PartnerNames names) =>
        [.. families.Select((family, i) =>
        {
            var quoted = family.Quoted.Report;
            var metadata = quoted.Metadata!;
            return new ReceivedDocument(
                i + 1,
                family.Partner,
                names.Of(family.Partner).Name,
                Source(quoted),
                family.Amendments,
                family.AlsoIn,
                quoted.Id,
                [.. family.Members.Select(m => new DocumentVersion(m.Report.Id, m.Report.FileName, Source(m.Report) == m.Report.FileName ? null : Source(m.Report), m.Report.Metadata?.Language))],
                metadata.Title ?? quoted.FileName,
                metadata.Language,
                metadata.ReportingPeriod,
                metadata.DocumentDate,
                Day(family.Members.Max(m => m.Report.ReceivedAt)),
                cycle.IsLate(family.FirstReceived) ? CycleStatus.Late : CycleStatus.Submitted);
        })];

    private static List<ParagraphImplementation> Paragraphs(DecisionMandate decision, IReadOnlyList<DocumentFamily> families, List<ReceivedDocument> documents)
    {
        // Each quoted version's sentences, analysed once for all paragraphs.
        var sentences = families.ToDictionary(
            f => f.Quoted.Report.Id,
            f => Sentences.Split(f.Quoted.Text, CoverPage.Read(f.Quoted.Text).BodyStart).Select(AnalysedSentence.Of).ToList());
        var paragraphs = new List<ParagraphImplementation>();
        foreach (var paragraph in decision.ReportedOn)
        {
            var evidence = new List<Evidence>();
            foreach (var (family, document) in families.Zip(documents))
            {
                var quotes = EvidenceFinder.Find(paragraph, sentences[document.QuotedReportId], family.Partner);
                if (quotes.Count > 0)
                {
                    var metadata = family.Quoted.Report.Metadata!;
                    evidence.Add(new Evidence(
                        family.Partner,
                        document.PartnerName,
                        document.Number,
                        document.QuotedReportId,
                        document.Source,
                        document.Amendments,
                        document.AlsoIn,
                        metadata.Language ?? "",
                        LanguageName(metadata.Language),
                        [.. quotes.Select(q => new Quote(q.Text, q.Page))]));
                }
            }

            paragraphs.Add(new ParagraphImplementation(
                paragraph.Number,
                paragraph.SectionHeading,
                ReportPhrases.Mandate(decision, paragraph),
                ReportPhrases.Summary(paragraph.Number, evidence),
                evidence));
        }

        return paragraphs;
    }

    /// <summary>The previous meeting's reporting organisations beside this one's; null when there is no previous cycle to compare.</summary>
    private static PreviousMeeting? Previous(PreviousCycle? previous, IReadOnlyList<DocumentFamily> families, PartnerNames names)
    {
        if (previous is null)
        {
            return null;
        }

        var then = previous.Reports.Where(r => r.Status == ReportStatus.Indexed && r.Partner != Organization.Unattributed).Select(r => r.Partner).ToHashSet();
        var now = families.Select(f => f.Partner).Where(p => p != Organization.Unattributed).ToHashSet();
        List<Organization> Named(IEnumerable<string> partners) => [.. partners.Order(StringComparer.Ordinal).Select(names.Of)];
        return new PreviousMeeting(
            previous.Cycle,
            MeetingNames.InProse(previous.Cycle) ?? previous.Cycle,
            Named(then),
            Named(then.Except(now)),
            Named(now.Except(then)));
    }

    /// <summary>Annex I: every organisation that was expected or reported, by paragraph, from the evidence sections themselves.</summary>
    private static List<MatrixRow> Matrix(CycleStatus status, List<ParagraphImplementation> paragraphs, PreviousMeeting? previous, PartnerNames names)
    {
        var reportedThen = previous?.ReportedThen.Select(o => o.Partner).ToHashSet();
        return [.. status.Partners.OrderBy(p => p.Id == Organization.Unattributed).Select(standing => new MatrixRow(
            standing.Id,
            names.Of(standing.Id).Name,
            standing.State,
            [.. paragraphs.Select(p => new MatrixCell(p.Number, [.. p.Evidence.Where(e => e.Partner == standing.Id).Select(e => e.Document)]))],
            reportedThen?.Contains(standing.Id)))];
    }

    /// <summary>Annex III: the documents the reports cite, most cited first, each with the annex II numbers citing it.</summary>
    private static List<CitedDocument> Cited(IReadOnlyList<DocumentFamily> families, List<ReceivedDocument> documents) =>
        [.. families.Zip(documents)
            .SelectMany(pair => pair.First.Members.SelectMany(m => m.Report.Metadata!.ReferencedDocuments).Distinct().Select(symbol => (Symbol: symbol, pair.Second.Number)))
            // A family does not cite its own versions.
            .Where(c => DocumentFamilies.BaseSymbol(c.Symbol) != DocumentFamilies.BaseSymbol(documents[c.Number - 1].Source))
            .GroupBy(c => c.Symbol)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CitedDocument(g.Key, [.. g.Select(c => c.Number).Distinct().Order()]))];

    /// <summary>"COP-7" is "COP.7" in a symbol.</summary>
    private static string MeetingSymbol(string cycle) => cycle.Replace('-', '.').Replace("EXCOP", "ExCOP", StringComparison.OrdinalIgnoreCase);

    /// <summary>A date as UN documents print it: "30 November 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Partners' names as the note gives them: the registered name, else the registry's, else the id.</summary>
    public sealed class PartnerNames(IReadOnlyList<Access.Partner> partners)
    {
        private readonly Dictionary<string, string> names = partners.ToDictionary(p => p.Id, p => p.Name);

        public Organization Of(string partner) => new(partner, names.GetValueOrDefault(partner) ?? OrganizationNames.Name(partner) ?? partner);
    }
}
