using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Minamata.Fixtures;

/// <summary>
/// Makes a fixture report into each format as partners' tools would: a Word file from the UN
/// template (symbol only in the page header, a table, a footnote), a PDF (symbol atop each page),
/// an HTML page, Markdown, and text in UTF-8, UTF-16 or a legacy code page.
/// </summary>
public static partial class FixtureRenderer
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The languages the test font (DejaVu Sans) can write into a PDF whose text reads back in order.</summary>
    private static readonly string[] PdfLanguages = ["en", "fr", "es", "ru"];

    /// <summary>Every format a report is rendered to: all five for every language, PDF where the font allows, and legacy encodings where they exist.</summary>
    public static IEnumerable<string> FormatsFor(FixtureReport report)
    {
        string[] formats = ["txt", "md", "html", "docx"];
        foreach (var format in formats)
        {
            yield return format;
        }

        if (PdfLanguages.Contains(report.Language))
        {
            yield return "pdf";
        }

        if (report.Language == "ru")
        {
            yield return "txt-1251";
        }

        if (report.Language is "ar" or "zh")
        {
            yield return "txt-utf16";
        }
    }

    public static byte[] Render(FixtureReport report, string format) => format switch
    {
        "txt" => new UTF8Encoding(false).GetBytes(report.Text),
        "txt-utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(report.Text)).ToArray(),
        "txt-1251" => CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(report.Text),
        "md" => Encoding.UTF8.GetBytes(Markdown(report)),
        "html" => Encoding.UTF8.GetBytes(Html(report)),
        "docx" => Docx(report),
        "pdf" => Pdf(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static string Markdown(FixtureReport report)
    {
        var (first, count) = report.TitleLines;
        var text = new StringBuilder();
        for (var i = 0; i < report.Cover.Count; i++)
        {
            text.Append(i >= first && i < first + count ? $"**{report.Cover[i]}**" : report.Cover[i]).Append("\n\n");
        }

        var linked = false;
        foreach (var line in report.Body)
        {
            if (Heading().IsMatch(line))
            {
                text.Append("## ").Append(line).Append("\n\n");
                continue;
            }

            var body = line;
            var symbol = BodySymbol().Match(line);
            if (!linked && symbol.Success)
            {
                body = line.Replace(symbol.Value, $"[{symbol.Value}](https://documents.example/{symbol.Value})");
                linked = true;
            }

            text.Append(body).Append("\n\n");
        }

        return text.ToString();
    }

    private static string Html(FixtureReport report)
    {
        var (first, count) = report.TitleLines;
        var html = new StringBuilder()
            .Append($"<!DOCTYPE html>\n<html lang=\"{report.Language}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{WebUtility.HtmlEncode(report.Title)}</title>\n")
            .Append("<style>p { margin: 0 }</style>\n<script>var note = \"<p>not part of the text</p>\";</script>\n</head>\n<body>\n<!-- exported from the secretariat's template -->\n");
        for (var i = 0; i < report.Cover.Count; i++)
        {
            if (i == first)
            {
                html.Append("<h1>").Append(string.Join("<br>", report.Cover.Skip(first).Take(count).Select(WebUtility.HtmlEncode))).Append("</h1>\n");
            }
            else if (i < first || i >= first + count)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(report.Cover[i])).Append("</p>\n");
            }
        }

        foreach (var line in report.Body)
        {
            var tag = Heading().IsMatch(line) ? "h2" : "p";
            html.Append($"<{tag}>").Append(WebUtility.HtmlEncode(line).Replace(" ", "\n  ", StringComparison.Ordinal)).Append($"</{tag}>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static byte[] Docx(FixtureReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = report.Title;
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph(report.Symbol));
            var footnotes = main.AddNewPart<FootnotesPart>();
            var lastBody = report.Body[^1];
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Text(" " + lastBody) { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });

            var (first, count) = report.TitleLines;
            var body = new Body();
            for (var i = 0; i < report.Cover.Count; i++)
            {
                if (report.Cover[i] == report.Symbol)
                {
                    continue;
                }

                var paragraph = Paragraph(report.Cover[i]);
                if (i >= first && i < first + count)
                {
                    paragraph.Descendants<Run>().First().RunProperties = new RunProperties(new Bold());
                }

                body.Append(paragraph);
            }

            var lines = report.Body.Take(report.Body.Count - 1).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                if (i == lines.Count - 1 && lines.Count > 2)
                {
                    // The UN template sets some paragraphs in tables; the text must still come through.
                    body.Append(new Table(new TableRow(new TableCell(Paragraph(lines[i])))));
                    continue;
                }

                var paragraph = Paragraph(lines[i]);
                if (i == lines.Count - 1 || (i == 1 && lines.Count > 2))
                {
                    paragraph.Append(new Run(new FootnoteReference { Id = 1 }));
                }

                body.Append(paragraph);
            }

            body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>
    /// A PDF laid out as word processors do: the symbol in each page's header, cover lines as
    /// paragraphs of their own (space after each), the title larger, body paragraphs wrapped.
    /// </summary>
    private static byte[] Pdf(FixtureReport report)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = report.Title;
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        const double fontSize = 9, titleSize = 11, lineHeight = 13, spaceAfter = 5, top = 800, bottom = 60, left = 50;
        var (firstTitle, titleCount) = report.TitleLines;
        PdfPageBuilder? page = null;
        var y = 0.0;
        void NewPage()
        {
            page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText(report.Symbol, fontSize, new PdfPoint(400, top + 15), font);
            y = top - lineHeight;
        }

        void Write(string line, double size)
        {
            if (y < bottom)
            {
                NewPage();
            }

            page!.AddText(line, size, new PdfPoint(left, y), font);
            y -= lineHeight;
        }

        NewPage();
        for (var i = 0; i < report.Cover.Count; i++)
        {
            var title = i >= firstTitle && i < firstTitle + titleCount;
            if (report.Cover[i] != report.Symbol)
            {
                Write(report.Cover[i], title ? titleSize : fontSize);
                y -= title && i + 1 < firstTitle + titleCount ? 0 : spaceAfter;
            }
        }

        y -= lineHeight;
        foreach (var paragraph in report.Body)
        {
            foreach (var line in Wrap(paragraph))
            {
                Write(line, fontSize);
            }

            y -= spaceAfter;
        }

        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string paragraph)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length + word.Length + 1 > 95)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        yield return line.ToString();
    }

    [GeneratedRegex(@"^(?:[IVX]+\.\s|[一二三四五]、|أولاً)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"UNEP/MC/[A-Za-z0-9./]+[0-9]")]
    private static partial Regex BodySymbol();
}
