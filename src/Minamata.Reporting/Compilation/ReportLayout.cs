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
    public static ReportLayout For(CompiledReport report)
    {
        var blocks = new List<LayoutBlock>();
        var intro = report.Introduction;
        blocks.Add(new SectionHeading(1, "I.", "Introduction"));
        blocks.Add(new Prose(intro.Mandate, Number: "1."));
        blocks.Add(new Prose(ReportPhrases.Coverage(intro), Number: "2."));

        blocks.Add(new SectionHeading(1, "II.", "Reports received"));
        // Widths are shares of the text width; the title, the longest value, gets the most.
        blocks.Add(new TableBlock(
            [new("Partner", 1400), new("Symbol", 1300), new("Title", 2500), new("Language", 1100), new("Reporting period", 1200), new("Received", 1050), new("State", 1088, IsState: true)],
            [.. report.Submissions.Select(row => (IReadOnlyList<string>)[
                $"{row.PartnerName} ({row.Partner})", row.Symbol ?? "", row.Title ?? "", row.Language is null ? "" : ReportCompiler.LanguageName(row.Language),
                ReportPhrases.Period(row.ReportingPeriod), row.Received ?? "", row.State])]));

        blocks.Add(new SectionHeading(1, "III.", $"Implementation of decision {ReportPhrases.DecisionForTitle(report.Decision)}"));
        foreach (var paragraph in report.Paragraphs)
        {
            blocks.Add(new SectionHeading(2, null, $"Paragraph {paragraph.Number}"));
            blocks.Add(new Prose(paragraph.Mandate, Emphasised: true));
            if (paragraph.Note is not null)
            {
                blocks.Add(new Prose(paragraph.Note));
            }

            foreach (var evidence in paragraph.Evidence)
            {
                blocks.Add(new Prose($"{OrganizationNames.InProseFirst(evidence.PartnerName, evidence.Partner)} reported in {evidence.Source} ({evidence.LanguageName}):"));
                blocks.AddRange(evidence.Quotes.Select(quote => new Quotation(quote.Text, evidence.Language, $"{evidence.Source}, p. {quote.Page}")));
            }
        }

        blocks.Add(new PageBreak());
        blocks.Add(new SectionHeading(1, null, "Annex"));
        blocks.Add(new SectionHeading(2, null, "Reports"));
        blocks.Add(new TableBlock(
            [new("Report", 1300), new("Partner", 1100), new("Symbol", 1400), new("Title", 2300), new("Date", 1000), new("Articles cited", 1100), new("Organisations named", 1438)],
            [.. report.Annex.Reports.Select(annexed => (IReadOnlyList<string>)[
                annexed.FileName, annexed.Partner, annexed.Metadata.Symbol ?? "", annexed.Metadata.Title ?? "", annexed.Metadata.DocumentDate ?? "",
                string.Join(", ", annexed.Metadata.ConventionArticles), string.Join(", ", annexed.Metadata.Organizations)])]));
        blocks.Add(new SectionHeading(2, null, "Documents cited"));
        blocks.Add(new TableBlock(
            [new("Symbol", 6000), new("Reports citing it", 3638)],
            [.. report.Annex.CitedDocuments.Select(cited => (IReadOnlyList<string>)[cited.Symbol, cited.ReportCount.ToString(CultureInfo.InvariantCulture)])]));
        return new ReportLayout(report.Cover, blocks);
    }
}

/// <summary>One block of the report's body, in reading order.</summary>
public abstract record LayoutBlock;

/// <summary>A heading: level 1 for the note's sections (numbered I., II., ...), level 2 within them.</summary>
public sealed record SectionHeading(int Level, string? Number, string Text) : LayoutBlock;

/// <summary>A paragraph of the note's own text, numbered as UN notes number theirs, or a decision's words set apart.</summary>
public sealed record Prose(string Text, string? Number = null, bool Emphasised = false) : LayoutBlock;

/// <summary>A partner's sentence quoted in its own language, and where it is from (symbol or file, page).</summary>
public sealed record Quotation(string Text, string Language, string Citation) : LayoutBlock;

/// <summary>A table with a header row; each row has a value per column.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : LayoutBlock;

/// <summary>
/// A column: its heading, its width as a share of the table's, and whether its values are a
/// partner's state (submitted, late, missing), which the formats that can colour do.
/// </summary>
public sealed record TableColumn(string Heading, int Width, bool IsState = false);

/// <summary>Where printed output starts a new page (before the annex).</summary>
public sealed record PageBreak : LayoutBlock;
