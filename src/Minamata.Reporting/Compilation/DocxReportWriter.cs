using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as a Word document in the UN's layout: the cover block, real headings (so
/// the navigation pane and a table of contents work), a real table of submissions, each quotation
/// cited in a footnote, and page numbers in the footer. The secretariat edits this file.
/// </summary>
public sealed class DocxReportWriter : IReportWriter
{
    private const string Font = "Times New Roman";

    public string Format => "docx";

    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public byte[] Write(CompiledReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = report.Cover.Title;
            document.PackageProperties.Creator = "Secretariat of the Minamata Convention on Mercury";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var notes = new FootnoteWriter(main.AddNewPart<FootnotesPart>());
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));

            var body = new Body();
            Cover(body, report.Cover);
            Introduction(body, report);
            Submissions(body, report);
            Implementation(body, report, notes);
            Annex(body, report);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1417, Bottom = 1417, Left = 1134, Right = 1134, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            notes.Save();
        }

        return stream.ToArray();
    }

    private static void Cover(Body body, CoverBlock cover)
    {
        body.Append(
            Paragraph(cover.Symbol, bold: true, size: 28, justify: JustificationValues.Right),
            Paragraph(cover.Distribution, justify: JustificationValues.Right),
            Paragraph(cover.Date, justify: JustificationValues.Right),
            Paragraph(cover.Original, justify: JustificationValues.Right),
            Paragraph(""),
            Paragraph(cover.Body, bold: true),
            Paragraph(cover.Meeting),
            Paragraph(cover.MeetingDate),
            Paragraph(""),
            Styled(cover.Title, "Title"),
            Paragraph(cover.Subtitle, bold: true));
    }

    private static void Introduction(Body body, CompiledReport report)
    {
        body.Append(
            Styled("I.\tIntroduction", "Heading1"),
            Paragraph("1.\t" + report.Introduction.Mandate),
            Paragraph("2.\t" + ReportPhrases.Coverage(report.Introduction)));
    }

    private static void Submissions(Body body, CompiledReport report)
    {
        body.Append(Styled("II.\tReports received", "Heading1"));
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // Text width of an A4 page with these margins is 9,638 twips; the title gets the most of it.
        table.Append(new TableGrid(new[] { 1400, 1300, 2500, 1100, 1200, 1050, 1088 }.Select(w => new GridColumn { Width = $"{w}" })));
        table.Append(Row(header: true, "Partner", "Symbol", "Title", "Language", "Reporting period", "Received", "State"));
        foreach (var row in report.Submissions)
        {
            table.Append(Row(
                header: false,
                $"{row.PartnerName} ({row.Partner})",
                row.Symbol ?? "",
                row.Title ?? "",
                row.Language is null ? "" : ReportCompiler.LanguageName(row.Language),
                ReportPhrases.Period(row.ReportingPeriod),
                row.Received ?? "",
                row.State));
        }

        body.Append(table, Paragraph(""));
    }

    private static void Implementation(Body body, CompiledReport report, FootnoteWriter notes)
    {
        body.Append(Styled($"III.\tImplementation of decision {ReportPhrases.DecisionForTitle(report.Decision)}", "Heading1"));
        foreach (var paragraph in report.Paragraphs)
        {
            body.Append(Styled($"Paragraph {paragraph.Number}", "Heading2"), Paragraph(paragraph.Mandate, italic: true));
            if (paragraph.Note is not null)
            {
                body.Append(Paragraph(paragraph.Note));
            }

            foreach (var evidence in paragraph.Evidence)
            {
                body.Append(Paragraph($"{evidence.PartnerName} ({evidence.Source}, in {evidence.LanguageName}):"));
                foreach (var quote in evidence.Quotes)
                {
                    var quoted = Styled($"“{quote.Text}”", "Quote");
                    quoted.Append(notes.Reference($"{evidence.Source}, p. {quote.Page}."));
                    body.Append(quoted);
                }
            }
        }
    }

    private static void Annex(Body body, CompiledReport report)
    {
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })), Styled("Annex", "Heading1"), Styled("Reports", "Heading2"));
        foreach (var annexed in report.Annex.Reports)
        {
            var m = annexed.Metadata;
            body.Append(
                Paragraph($"{m.Symbol ?? annexed.FileName} ({annexed.Partner}, received {annexed.Received})", bold: true),
                Paragraph($"Title: {m.Title}"),
                Paragraph($"Language: {ReportCompiler.LanguageName(m.Language)}; format: {m.Format}; date: {m.DocumentDate}; meeting: {m.Meeting}; reporting period: {ReportPhrases.Period(m.ReportingPeriod)}; words: {m.WordCount}"),
                Paragraph($"Documents cited: {string.Join(", ", m.ReferencedDocuments)}"),
                Paragraph($"Articles cited: {string.Join(", ", m.ConventionArticles)}; organizations named: {string.Join(", ", m.Organizations)}"),
                Paragraph($"File: {annexed.FileName}; SHA-256: {m.Sha256}"));
        }

        body.Append(Styled("Documents cited", "Heading2"));
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "3000" }));
        table.Append(Row(header: true, "Symbol", "Reports citing it"));
        foreach (var cited in report.Annex.CitedDocuments)
        {
            table.Append(Row(header: false, cited.Symbol, cited.ReportCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        body.Append(table);
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(Paragraph(cell, bold: header, size: 18)));
        }

        return row;
    }

    private static Paragraph Styled(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, int? size = null, JustificationValues? justify = null)
    {
        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (size is { } halfPoints)
        {
            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var properties = new ParagraphProperties();
        if (justify is { } alignment)
        {
            properties.Append(new Justification { Val = alignment });
        }

        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Styles Styles()
    {
        Style ParagraphStyle(string id, string name, int size, bool bold = false, bool italic = false, int before = 0, int after = 120, int indent = 0, int outline = -1)
        {
            var run = new StyleRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font }, new FontSize { Val = $"{size}" });
            if (bold)
            {
                run.Append(new Bold());
            }

            if (italic)
            {
                run.Append(new Italic());
            }

            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = $"{before}", After = $"{after}" });
            if (indent > 0)
            {
                paragraph.Append(new Indentation { Left = $"{indent}", Right = $"{indent}" });
            }

            if (outline >= 0)
            {
                paragraph.Append(new KeepNext(), new OutlineLevel { Val = outline });
            }

            return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run) { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" };
        }

        return new Styles(
            ParagraphStyle("Normal", "Normal", 20),
            ParagraphStyle("Title", "Title", 28, bold: true, before: 240, after: 120),
            ParagraphStyle("Heading1", "heading 1", 24, bold: true, before: 360, after: 120, outline: 0),
            ParagraphStyle("Heading2", "heading 2", 20, bold: true, before: 240, after: 120, outline: 1),
            ParagraphStyle("Quote", "Quote", 20, italic: false, indent: 567),
            ParagraphStyle("FootnoteText", "footnote text", 16, after: 0),
            new Style(new StyleName { Val = "footnote reference" }, new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript })) { Type = StyleValues.Character, StyleId = "FootnoteReference" },
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    /// <summary>Numbers footnotes and keeps their text until the document is saved.</summary>
    private sealed class FootnoteWriter(FootnotesPart part)
    {
        private readonly Footnotes footnotes = new(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });

        private int next = 1;

        public Run Reference(string text)
        {
            var id = next++;
            footnotes.Append(new Footnote(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                new Run(new Text(" " + text) { Space = SpaceProcessingModeValues.Preserve })))
            { Id = id });
            return new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id });
        }

        public void Save() => part.Footnotes = footnotes;
    }
}
