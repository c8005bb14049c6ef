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
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
        """;

    public string Format => "html";

    public string MediaType => "text/html; charset=utf-8";

    public byte[] Write(CompiledReport report)
    {
        var html = new StringBuilder();
        var cover = report.Cover;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(cover.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"cover\">\n")
            .Append($"<p class=\"symbol\">{E(cover.Symbol)}</p>\n")
            .Append($"<p class=\"distribution\">{E(cover.Distribution)}<br>{E(cover.Date)}<br>{E(cover.Original)}</p>\n")
            .Append($"<p><strong>{E(cover.Body)}</strong><br>{E(cover.Meeting)}<br>{E(cover.MeetingDate)}</p>\n")
            .Append($"<h1>{E(cover.Title)}</h1>\n<p><strong>{E(cover.Subtitle)}</strong></p>\n</header>\n");

        var intro = report.Introduction;
        html.Append("<h2>I. Introduction</h2>\n")
            .Append($"<p>1. {E(intro.Mandate)}</p>\n")
            .Append($"<p>2. {E(ReportPhrases.Coverage(intro))}</p>\n");

        html.Append("<h2>II. Reports received</h2>\n<table>\n<thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Symbol</th><th scope=\"col\">Title</th><th scope=\"col\">Language</th><th scope=\"col\">Reporting period</th><th scope=\"col\">Received</th><th scope=\"col\">State</th></tr></thead>\n<tbody>\n");
        foreach (var row in report.Submissions)
        {
            html.Append("<tr>")
                .Append($"<td>{E(row.PartnerName)} ({E(row.Partner)})</td><td>{E(row.Symbol)}</td><td>{E(row.Title)}</td>")
                .Append($"<td>{E(row.Language is null ? "" : ReportCompiler.LanguageName(row.Language))}</td><td>{E(ReportPhrases.Period(row.ReportingPeriod))}</td><td>{E(row.Received)}</td>")
                .Append($"<td class=\"state-{E(row.State)}\">{E(row.State)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        html.Append($"<h2>III. Implementation of decision {E(ReportPhrases.DecisionForTitle(report.Decision))}</h2>\n");
        foreach (var paragraph in report.Paragraphs)
        {
            html.Append($"<h3>Paragraph {paragraph.Number}</h3>\n<p class=\"mandate\">{E(paragraph.Mandate)}</p>\n");
            if (paragraph.Note is not null)
            {
                html.Append($"<p>{E(paragraph.Note)}</p>\n");
            }

            foreach (var evidence in paragraph.Evidence)
            {
                html.Append($"<p>{E(evidence.PartnerName)} ({E(evidence.Source)}, in {E(evidence.LanguageName)}):</p>\n");
                foreach (var quote in evidence.Quotes)
                {
                    html.Append($"<blockquote lang=\"{E(evidence.Language)}\">“{E(quote.Text)}” <span class=\"cite\">({E(evidence.Source)}, p. {quote.Page})</span></blockquote>\n");
                }
            }
        }

        html.Append("<h2>Annex</h2>\n<h3>Reports</h3>\n<table>\n<thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Partner</th><th scope=\"col\">Symbol</th><th scope=\"col\">Title</th><th scope=\"col\">Date</th><th scope=\"col\">Articles cited</th><th scope=\"col\">Organisations named</th></tr></thead>\n<tbody>\n");
        foreach (var annexed in report.Annex.Reports)
        {
            var m = annexed.Metadata;
            html.Append($"<tr><td>{E(annexed.FileName)}</td><td>{E(annexed.Partner)}</td><td>{E(m.Symbol)}</td><td>{E(m.Title)}</td><td>{E(m.DocumentDate)}</td>")
                .Append($"<td>{E(string.Join(", ", m.ConventionArticles))}</td><td>{E(string.Join(", ", m.Organizations))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<h3>Documents cited</h3>\n<table>\n<thead><tr><th scope=\"col\">Symbol</th><th scope=\"col\">Reports citing it</th></tr></thead>\n<tbody>\n");
        foreach (var cited in report.Annex.CitedDocuments)
        {
            html.Append($"<tr><td>{E(cited.Symbol)}</td><td>{cited.ReportCount}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
