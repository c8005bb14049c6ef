using System.Net;
using System.Text;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as one self-contained, printable HTML page. Every value from a report is
/// HTML-encoded: titles and sentences are partners' text, never markup.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private const string Style = """
        body { font-family: "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; color: #111; }
        .cover { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
        .symbol { text-align: right; font-weight: bold; font-size: 1.2rem; }
        .distribution { text-align: right; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        th, td { border: 1px solid #666; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
        .mandate { font-style: italic; }
        blockquote { margin: 0.4rem 0 0.4rem 1.5rem; }
        .cite { color: #333; white-space: nowrap; }
        .state-missing { color: #8a1c1c; } .state-late { color: #7a4b00; }
        @media print { body { margin: 0; max-width: none; } .page-break { break-before: page; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
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
            .Append($"<h1>{E(cover.Title)}</h1>\n<p><strong>{E(cover.Subtitle)}</strong></p>\n</header>\n");
        foreach (var block in layout.Blocks)
        {
            Append(html, block);
        }

        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Append(StringBuilder html, LayoutBlock block)
    {
        switch (block)
        {
            case SectionHeading heading:
                // h1 is the title; the note's sections are h2, their parts h3.
                var level = heading.Level + 1;
                html.Append($"<h{level}>{E(heading.Number is null ? heading.Text : $"{heading.Number} {heading.Text}")}</h{level}>\n");
                break;
            case Prose prose:
                var text = E(prose.Number is null ? prose.Text : $"{prose.Number} {prose.Text}");
                html.Append(prose.Emphasised ? $"<p class=\"mandate\">{text}</p>\n" : $"<p>{text}</p>\n");
                break;
            case Quotation quote:
                html.Append($"<blockquote lang=\"{E(quote.Language)}\">“{E(quote.Text)}” <span class=\"cite\">({E(quote.Citation)})</span></blockquote>\n");
                break;
            case TableBlock table:
                html.Append("<table>\n<thead><tr>").AppendJoin("", table.Columns.Select(c => $"<th scope=\"col\">{E(c.Heading)}</th>")).Append("</tr></thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>").AppendJoin("", row.Select((value, i) => table.Columns[i].IsState ? $"<td class=\"state-{E(value)}\">{E(value)}</td>" : $"<td>{E(value)}</td>")).Append("</tr>\n");
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

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
