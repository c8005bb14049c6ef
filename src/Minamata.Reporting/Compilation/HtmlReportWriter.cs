using System.Net;
using System.Text;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as one self-contained HTML page, the same document on the screen and on
/// paper: numbered paragraphs with the number hanging, quotations cited in numbered notes (at the
/// end, as the Word file's footnotes are numbered), tables whose header repeats on each printed
/// page, and each annex on a new page. Every value from a report is HTML-encoded: titles and
/// sentences are partners' text, never markup.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private const string Style = """
        body { font-family: "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; color: #111; }
        .cover { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
        .symbol { text-align: right; font-weight: bold; font-size: 1.2rem; }
        .distribution { text-align: right; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
        h2, h3, p.numbered { padding-left: 2.5rem; text-indent: -2.5rem; }
        .number { display: inline-block; width: 2.5rem; text-indent: 0; }
        blockquote { margin: 0.4rem 2.5rem 0.4rem 5rem; }
        sup a { text-decoration: none; }
        h2.annex { padding-left: 0; text-indent: 0; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; table-layout: fixed; }
        th, td { border: 1px solid #666; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        .notes { border-top: 1px solid #666; margin-top: 2rem; font-size: 0.85rem; }
        @page { size: A4; margin: 2.5cm 2cm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          .page-break { break-before: page; }
          h2, h3 { break-after: avoid; }
          tr, blockquote { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; }
        }
        """;

    public string Format => "html";

    public string MediaType => "text/html; charset=utf-8";

    public byte[] Write(CompiledReport report)
    {
        var layout = ReportLayout.For(report);
        var html = new StringBuilder();
        var cover = layout.Cover;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(cover.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"cover\">\n")
            .Append($"<p class=\"symbol\">{E(cover.Symbol)}</p>\n")
            .Append($"<p class=\"distribution\">{E(cover.Distribution)}<br>{E(cover.Date)}<br>{E(cover.Original)}</p>\n")
            .Append($"<p><strong>{E(cover.Body)}</strong><br>{E(cover.Meeting)}<br>{E(cover.MeetingDate)}</p>\n")
            .Append(cover.Agenda is { } item ? $"<p>Item {E(item.Number)} of the provisional agenda<br><strong>{E(item.Title)}</strong></p>\n" : "")
            .Append($"<h1>{E(cover.Title)}</h1>\n<p><strong>{E(cover.Subtitle)}</strong></p>\n</header>\n<main>\n");
        var notes = new List<string>();
        foreach (var block in layout.Blocks)
        {
            Append(html, block, notes);
        }

        html.Append("</main>\n");
        if (notes.Count > 0)
        {
            html.Append("<section class=\"notes\" aria-label=\"Notes\">\n<ol>\n")
                .AppendJoin("", notes.Select((note, i) => $"<li id=\"note-{i + 1}\">{E(note)}. <a href=\"#cite-{i + 1}\" aria-label=\"Back to the text\">↩</a></li>\n"))
                .Append("</ol>\n</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Append(StringBuilder html, LayoutBlock block, List<string> notes)
    {
        switch (block)
        {
            case SectionHeading { IsAnnex: true, Number: { } annex } heading:
                html.Append($"<h2 class=\"annex\">{E(annex)}<br>{E(heading.Text)}</h2>\n");
                break;
            case SectionHeading heading:
                // h1 is the title; the note's sections are h2, their parts h3.
                var level = heading.Level + 1;
                html.Append($"<h{level}>{Numbered(heading.Number, heading.Text)}</h{level}>\n");
                break;
            case Prose { Number: { } number } prose:
                html.Append($"<p class=\"numbered\">{Numbered(number, prose.Text)}</p>\n");
                break;
            case Prose prose:
                html.Append($"<p>{E(prose.Text)}</p>\n");
                break;
            case Quotation quote:
                notes.Add(quote.Citation);
                var n = notes.Count;
                html.Append($"<blockquote lang=\"{E(quote.Language)}\">“{E(quote.Text)}”<sup><a id=\"cite-{n}\" href=\"#note-{n}\" aria-label=\"Note {n}: {E(quote.Citation)}\">{n}</a></sup></blockquote>\n");
                break;
            case TableBlock table:
                // The columns' shares of the width, as the Word file fixes them; long symbols and file names wrap anywhere.
                var shares = table.Columns.Sum(c => c.Width);
                html.Append("<table>\n<colgroup>").AppendJoin("", table.Columns.Select(c => $"<col style=\"width: {(100.0 * c.Width / shares).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%\">")).Append("</colgroup>\n<thead><tr>").AppendJoin("", table.Columns.Select(c => $"<th scope=\"col\">{E(c.Heading)}</th>")).Append("</tr></thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>").AppendJoin("", row.Select(value => $"<td>{E(value)}</td>")).Append("</tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
                break;
            case PageBreak:
                html.Append("<div class=\"page-break\"></div>\n");
                break;
            default:
                throw new NotSupportedException($"No HTML for {block.GetType().Name}.");
        }
    }

    private static string Numbered(string? number, string text) => number is null ? E(text) : $"<span class=\"number\">{E(number)}</span>{E(text)}";

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
