using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as a Word document in the UN's layout: the cover block, real headings (so
/// the navigation pane and a table of contents work), numbered paragraphs with the number hanging,
/// tables of fixed column widths that repeat their header row, each quotation cited in a footnote,
/// the symbol in the page header and the page number in the footer from page 2. The secretariat
/// edits this file, in Word or in LibreOffice.
/// </summary>
public sealed class DocxReportWriter : IReportWriter
{
    private const string Font = "Times New Roman";

    /// <summary>A4 with the UN's margins, in twips: the text width is what tables are laid out in.</summary>
    public const int PageWidth = 11906;
    public const int MarginLeft = 1134;
    public const int MarginRight = 1134;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>Where a paragraph's text starts; its number hangs before it, from the margin.</summary>
    private const int TextIndent = 567;

    public string Format => "docx";

    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public byte[] Write(CompiledReport report) => Write(ReportLayout.For(report));

    /// <summary>Any document laid out as the secretariat's notes are (the compiled report, an INF cover page).</summary>
    public static byte[] Write(ReportLayout layout)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = layout.Cover.Title;
            document.PackageProperties.Creator = "Secretariat of the Minamata Convention on Mercury";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var notes = new FootnoteWriter(main.AddNewPart<FootnotesPart>());

            var body = new Body();
            Cover(body, layout.Cover);
            foreach (var block in layout.Blocks)
            {
                body.Append(Elements(block, notes));
            }

            body.Append(Section(main, layout.Cover.Symbol));
            main.Document = new Document(body);
            notes.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The page, and from page 2 the symbol in the header and the number in the footer; the first
    /// page (the cover) has neither, as UN documents print it.
    /// </summary>
    private static SectionProperties Section(MainDocumentPart main, string symbol)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new Run(new RunProperties(new Bold(), new FontSize { Val = "17" }), new Text(symbol))));
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(new Paragraph());
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
            new SimpleField(new Run(new RunProperties(new Bold(), new FontSize { Val = "17" }), new Text("2"))) { Instruction = " PAGE " }));
        var firstFooter = main.AddNewPart<FooterPart>();
        firstFooter.Footer = new Footer(new Paragraph());
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstFooter) },
            new PageSize { Width = PageWidth, Height = 16838 },
            new PageMargin { Top = 1417, Bottom = 1417, Left = MarginLeft, Right = MarginRight, Header = 708, Footer = 708, Gutter = 0 },
            new TitlePage());
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
            Paragraph(cover.MeetingDate));
        if (cover.Agenda is { } item)
        {
            body.Append(Paragraph($"Item {item.Number} of the provisional agenda"), Paragraph(item.Title, bold: true));
        }

        body.Append(
            Paragraph(""),
            Styled(cover.Title, "Title"),
            Paragraph(cover.Subtitle, bold: true));
    }

    private static IEnumerable<OpenXmlElement> Elements(LayoutBlock block, FootnoteWriter notes)
    {
        switch (block)
        {
            case SectionHeading { IsAnnex: true, Number: { } annex } heading:
                // "Annex I" on a line of its own above the annex's title, one heading for the navigation pane.
                yield return new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }, new Indentation { Left = "0", Hanging = "0" }),
                    new Run(new Text(annex), new Break(), new Text(heading.Text)));
                break;
            case SectionHeading heading:
                yield return Styled(heading.Number is null ? heading.Text : $"{heading.Number}\t{heading.Text}", $"Heading{heading.Level}");
                break;
            case Prose { Number: { } number } prose:
                yield return Styled($"{number}\t{prose.Text}", "NumberedParagraph");
                break;
            case Prose prose:
                yield return Paragraph(prose.Text);
                break;
            case Quotation quote:
                // The citation in a footnote, as UN documents cite.
                var quoted = Styled($"“{quote.Text}”", "Quote");
                quoted.Append(notes.Reference($"{quote.Citation}."));
                yield return quoted;
                break;
            case TableBlock table:
                yield return Table(table);
                yield return Paragraph("");
                break;
            case PageBreak:
                yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
                break;
            default:
                throw new NotSupportedException($"No Word element for {block.GetType().Name}.");
        }
    }

    /// <summary>
    /// A table across the text width, its columns fixed at their shares of it in the grid and in
    /// every cell (Word reads the cells' widths, LibreOffice the grid's), the header row repeated
    /// on each page, and no row split across two.
    /// </summary>
    private static Table Table(TableBlock block)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = $"{TextWidth}" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        var widths = ColumnWidths(block.Columns);
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = $"{w}" })));
        table.Append(Row(header: true, widths, [.. block.Columns.Select(c => c.Heading)]));
        foreach (var row in block.Rows)
        {
            table.Append(Row(header: false, widths, row));
        }

        return table;
    }

    /// <summary>The columns' shares of the text width in twips; the last column takes what rounding left, so they add up to it exactly.</summary>
    private static int[] ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        var shares = columns.Sum(c => c.Width);
        var widths = columns.Select(c => TextWidth * c.Width / shares).ToArray();
        widths[^1] += TextWidth - widths.Sum();
        return widths;
    }

    private static TableRow Row(bool header, int[] widths, IReadOnlyList<string> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(CultureInfo.InvariantCulture) }),
                Styled(cells[i], header ? "TableHeading" : "TableText")));
        }

        return row;
    }

    private static Paragraph Styled(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null, JustificationValues? justify = null)
    {
        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (size is { } halfPoints)
        {
            run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        }

        var properties = new ParagraphProperties();
        if (justify is { } alignment)
        {
            properties.Append(new Justification { Val = alignment });
        }

        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>
    /// The UN's editorial sizes: 10-point text on 12-point lines, ragged right (document symbols and
    /// file names are long words that would stretch a justified line), section headings 12 points bold
    /// and subsection headings 10 points bold with their number hanging, the title 14 points bold,
    /// footnotes 8 points, tables 9 points.
    /// </summary>
    private static Styles Styles()
    {
        Style ParagraphStyle(string id, string name, int size, bool bold = false, int before = 0, int after = 120, int left = 0, int hanging = 0, int right = 0, int outline = -1)
        {
            // Run properties in the order the schema gives them: fonts, bold, size.
            var run = new StyleRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
            if (bold)
            {
                run.Append(new Bold());
            }

            run.Append(new FontSize { Val = $"{size}" }, new FontSizeComplexScript { Val = $"{size}" });

            var paragraph = new StyleParagraphProperties();
            if (outline >= 0)
            {
                paragraph.Append(new KeepNext());
            }

            paragraph.Append(new SpacingBetweenLines { Before = $"{before}", After = $"{after}", Line = $"{size * 12}", LineRule = LineSpacingRuleValues.AtLeast });
            if (left > 0 || right > 0)
            {
                var indentation = new Indentation { Left = $"{left}", Right = $"{right}" };
                if (hanging > 0)
                {
                    indentation.Hanging = $"{hanging}";
                }

                paragraph.Append(indentation);
            }

            if (outline >= 0)
            {
                paragraph.Append(new OutlineLevel { Val = outline });
            }

            return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run) { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" };
        }

        return new Styles(
            ParagraphStyle("Normal", "Normal", 20),
            ParagraphStyle("Title", "Title", 28, bold: true, before: 240, after: 120),
            ParagraphStyle("Heading1", "heading 1", 24, bold: true, before: 360, after: 240, left: TextIndent, hanging: TextIndent, outline: 0),
            ParagraphStyle("Heading2", "heading 2", 20, bold: true, before: 240, after: 120, left: TextIndent, hanging: TextIndent, outline: 1),
            ParagraphStyle("NumberedParagraph", "Numbered paragraph", 20, left: TextIndent, hanging: TextIndent),
            ParagraphStyle("Quote", "Quote", 20, left: 2 * TextIndent, right: TextIndent),
            ParagraphStyle("TableHeading", "Table heading", 18, bold: true, after: 0),
            ParagraphStyle("TableText", "Table text", 18, after: 0),
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
