using System.Globalization;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as a document: its cover, then headings, numbered paragraphs, quotations and
/// tables in reading order. What the note says and in which order is decided here, once; the Word,
/// HTML and Markdown writers only say how each kind of block looks in their format.
/// </summary>
public sealed record ReportLayout(CoverBlock Cover, IReadOnlyList<LayoutBlock> Blocks)
{
    /// <summary>What a cell of annex I holds when none of the organisation's documents bears on the paragraph.</summary>
    public const string NoDocument = "–";

    public static ReportLayout For(CompiledReport report)
    {
        var blocks = new List<LayoutBlock>();
        var paragraphNumber = 0;
        void Paragraph(string text) => blocks.Add(new Prose(text, Number: $"{++paragraphNumber}."));
        var decision = ReportPhrases.DecisionForTitle(report.Decision);
        var sections = new SectionNumbers();

        var intro = report.Introduction;
        blocks.Add(new SectionHeading(1, sections.Next(), "Introduction"));
        Paragraph($"{intro.Mandate} The present note responds to that request.");
        Paragraph(ReportPhrases.Coverage(intro));
        if (ReportPhrases.Expected(intro) is { } expected)
        {
            Paragraph(expected);
        }

        Paragraph(ReportPhrases.Structure(decision, report.Previous is not null));

        blocks.Add(new SectionHeading(1, sections.Next(), $"Implementation of decision {decision}"));
        foreach (var (paragraph, i) in report.Paragraphs.Select((p, i) => (p, i)))
        {
            blocks.Add(new SectionHeading(2, $"{(char)('A' + i)}.", paragraph.Heading));
            Paragraph(paragraph.Mandate);
            Paragraph(paragraph.Summary);
            foreach (var evidence in paragraph.Evidence)
            {
                Paragraph(ReportPhrases.EvidenceLine(evidence));
                blocks.AddRange(evidence.Quotes.Select(quote => new Quotation(quote.Text, evidence.Language, $"{evidence.Source}, p. {quote.Page}")));
            }
        }

        if (report.Previous is { } previous)
        {
            blocks.Add(new SectionHeading(1, sections.Next(), $"Comparison with {previous.Meeting}"));
            foreach (var sentence in ReportPhrases.Comparison(previous))
            {
                Paragraph(sentence);
            }
        }

        blocks.Add(new SectionHeading(1, sections.Next(), "Suggested action by the Conference of the Parties"));
        Paragraph(report.SuggestedAction);

        blocks.AddRange(Matrix(report, decision));
        blocks.AddRange(Documents(report));
        blocks.AddRange(Cited(report));
        return new ReportLayout(report.Cover, blocks);
    }

    /// <summary>Annex I: organisations by paragraph, the cells holding annex II numbers, so gaps show at a glance.</summary>
    private static IEnumerable<LayoutBlock> Matrix(CompiledReport report, string decision)
    {
        var annex = report.Annex;
        yield return new PageBreak();
        yield return new SectionHeading(1, "Annex I", $"Organizations reporting, by paragraph of decision {decision}");
        yield return new Prose($"The numbers are those of the documents listed in annex II; {NoDocument} means that none of the organization's documents bears on the paragraph.");
        // The organisation gets a quarter of the width; the paragraphs, and the previous meeting, share the rest.
        var previous = report.Previous;
        List<TableColumn> columns = [new("Organization", 2400), .. annex.MatrixParagraphs.Select(p => new TableColumn($"Para. {p}", 900))];
        if (previous is not null)
        {
            columns.Add(new TableColumn($"Reported to {previous.Cycle}", 1100));
        }

        yield return new TableBlock(columns, [.. annex.Matrix.Select(row =>
        {
            var name = row.Partner == Organization.Unattributed ? "Documents naming no organization" : row.PartnerName == row.Partner ? row.Partner : $"{row.PartnerName} ({row.Partner})";
            List<string> cells = [row.State == Submissions.CycleStatus.Missing ? $"{name}: no report received" : name];
            cells.AddRange(row.Cells.Select(c => c.Documents.Count == 0 ? NoDocument : string.Join(", ", c.Documents)));
            if (row.ReportedToPrevious is { } then)
            {
                cells.Add(then ? "yes" : "no");
            }

            return (IReadOnlyList<string>)cells;
        })]);
    }

    /// <summary>Annex II: each document once, with its language versions and the date the secretariat received it.</summary>
    private static IEnumerable<LayoutBlock> Documents(CompiledReport report)
    {
        yield return new PageBreak();
        yield return new SectionHeading(1, "Annex II", "Documents received");
        // Shares of the text width (in twips of an A4 page's, 9,638): the title, the longest value,
        // gets a third; the headings fit their columns in 9-point type, also in LibreOffice's wider
        // substitute for Times New Roman, and values wrap at spaces.
        yield return new TableBlock(
            [new("No.", 450), new("Submitted by", 1250), new("Symbol or file", 1450), new("Title", 3213), new("Language", 1050), new("Period covered", 1125), new("Received", 1100)],
            [.. report.Annex.Documents.Select(d => (IReadOnlyList<string>)[
                d.Number.ToString(CultureInfo.InvariantCulture), d.Partner == Organization.Unattributed ? "not stated" : d.Partner, ReportPhrases.Cited(d.Source, d.Amendments), d.Title,
                ReportCompiler.LanguageName(d.Language) + ReportPhrases.AlsoIn(d.AlsoIn), ReportPhrases.Period(d.ReportingPeriod),
                ReportCompiler.Format(DateOnly.ParseExact(d.Received, "yyyy-MM-dd", CultureInfo.InvariantCulture)) + (d.State == Submissions.CycleStatus.Late ? " (late)" : "")])]);
    }

    /// <summary>Annex III: what the documents cite, most cited first.</summary>
    private static IEnumerable<LayoutBlock> Cited(CompiledReport report)
    {
        yield return new SectionHeading(1, "Annex III", "Documents cited in the documents received");
        yield return report.Annex.CitedDocuments.Count == 0
            ? new Prose("The documents received cite no document by its symbol.")
            : new TableBlock(
                [new("Symbol", 4000), new("Cited in (numbers in annex II)", 5638)],
                [.. report.Annex.CitedDocuments.Select(c => (IReadOnlyList<string>)[c.Symbol, string.Join(", ", c.CitedIn)])]);
    }

    /// <summary>The note's sections, numbered I., II., ... as they come.</summary>
    private sealed class SectionNumbers
    {
        private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
        private int next;

        public string Next() => $"{Roman[next++]}.";
    }
}

/// <summary>One block of the report's body, in reading order.</summary>
public abstract record LayoutBlock;

/// <summary>A heading: level 1 for the note's sections (I., II., ... and the annexes), level 2 within them (A., B., ...).</summary>
public sealed record SectionHeading(int Level, string? Number, string Text) : LayoutBlock
{
    /// <summary>An annex's heading ("Annex I" over its title), which the formats set on two lines.</summary>
    public bool IsAnnex => Number?.StartsWith("Annex", StringComparison.Ordinal) == true;
}

/// <summary>A paragraph of the note's own text, numbered as UN notes number theirs, or unnumbered (a note to a table).</summary>
public sealed record Prose(string Text, string? Number = null) : LayoutBlock;

/// <summary>A partner's sentence quoted in its own language, and where it is from (symbol or file, page).</summary>
public sealed record Quotation(string Text, string Language, string Citation) : LayoutBlock;

/// <summary>A table with a header row; each row has a value per column.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : LayoutBlock;

/// <summary>A column: its heading, and its width as a share of the table's.</summary>
public sealed record TableColumn(string Heading, int Width);

/// <summary>Where printed output starts a new page (before each annex).</summary>
public sealed record PageBreak : LayoutBlock;
