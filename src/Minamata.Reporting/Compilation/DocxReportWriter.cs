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

    /// <summary>The text width of an A4 page with the margins below, in twips.</summary>
    private const int TextWidth = 11906 - 1134 - 1134;

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
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));

            var body = new Body();
            Cover(body, layout.Cover);
            foreach (var block in layout.Blocks)
            {
                body.Append(Elements(block, notes));
            }

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
            case SectionHeading heading:
                yield return Styled(heading.Number is null ? heading.Text : $"{heading.Number}\t{heading.Text}", $"Heading{heading.Level}");
                break;
            case Prose prose:
                yield return Paragraph(prose.Number is null ? prose.Text : $"{prose.Number}\t{prose.Text}", italic: prose.Emphasised);
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

    /// <summary>A table across the text width, its columns fixed at their shares of it, the header row repeated on each page.</summary>
    private static Table Table(TableBlock block)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = $"{TextWidth}" },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var shares = block.Columns.Sum(c => c.Width);
        table.Append(new TableGrid(block.Columns.Select(c => new GridColumn { Width = $"{TextWidth * c.Width / shares}" })));
        table.Append(Row(header: true, [.. block.Columns.Select(c => c.Heading)]));
        foreach (var row in block.Rows)
        {
            table.Append(Row(header: false, [.. row]));
        }

        return table;
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
