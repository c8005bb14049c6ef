using System.Text;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as CommonMark with pipe tables, for wikis, e-mails and diffs between two
/// compilations. Partners' text is escaped: every ASCII punctuation mark that Markdown could read
/// as markup is backslash-escaped, and line breaks inside a value become spaces.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "md";

    public string MediaType => "text/markdown; charset=utf-8";

    public byte[] Write(CompiledReport report)
    {
        var md = new StringBuilder();
        var cover = report.Cover;
        md.Append($"**{E(cover.Symbol)}**  \n{E(cover.Distribution)}  \n{E(cover.Date)}  \n{E(cover.Original)}\n\n")
            .Append($"**{E(cover.Body)}**  \n{E(cover.Meeting)}  \n{E(cover.MeetingDate)}\n\n")
            .Append($"# {E(cover.Title)}\n\n**{E(cover.Subtitle)}**\n\n");

        var intro = report.Introduction;
        md.Append("## I. Introduction\n\n")
            .Append($"1\\. {E(intro.Mandate)}\n\n")
            .Append($"2\\. {E(ReportPhrases.Coverage(intro))}\n\n");

        md.Append("## II. Reports received\n\n");
        Table(md, ["Partner", "Symbol", "Title", "Language", "Reporting period", "Received", "State"], report.Submissions.Select(row => new[]
        {
            $"{row.PartnerName} ({row.Partner})", row.Symbol, row.Title, row.Language is null ? null : ReportCompiler.LanguageName(row.Language),
            ReportPhrases.Period(row.ReportingPeriod), row.Received, row.State,
        }));

        md.Append($"## III. Implementation of decision {E(ReportPhrases.DecisionForTitle(report.Decision))}\n\n");
        foreach (var paragraph in report.Paragraphs)
        {
            md.Append($"### Paragraph {paragraph.Number}\n\n*{E(paragraph.Mandate)}*\n\n");
            if (paragraph.Note is not null)
            {
                md.Append($"{E(paragraph.Note)}\n\n");
            }

            foreach (var evidence in paragraph.Evidence)
            {
                md.Append($"{E(evidence.PartnerName)} ({E(evidence.Source)}, in {E(evidence.LanguageName)}):\n\n");
                foreach (var quote in evidence.Quotes)
                {
                    md.Append($"> “{E(quote.Text)}” ({E(evidence.Source)}, p. {quote.Page})\n\n");
                }
            }
        }

        md.Append("## Annex\n\n### Reports\n\n");
        Table(md, ["Report", "Partner", "Symbol", "Title", "Date", "Articles cited", "Organisations named"], report.Annex.Reports.Select(annexed => new[]
        {
            annexed.FileName, annexed.Partner, annexed.Metadata.Symbol, annexed.Metadata.Title, annexed.Metadata.DocumentDate,
            string.Join(", ", annexed.Metadata.ConventionArticles), string.Join(", ", annexed.Metadata.Organizations),
        }));
        md.Append("### Documents cited\n\n");
        Table(md, ["Symbol", "Reports citing it"], report.Annex.CitedDocuments.Select(cited => new[] { cited.Symbol, cited.ReportCount.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return Encoding.UTF8.GetBytes(md.ToString());
    }

    private static void Table(StringBuilder md, string[] headings, IEnumerable<string?[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", headings).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", headings.Length))).Append('\n');
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(E)).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>A partner's text as literal Markdown: CommonMark lets any ASCII punctuation be escaped, so all of it is.</summary>
    private static string E(string? value)
    {
        var escaped = new StringBuilder();
        foreach (var c in value ?? "")
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is ' ' || c > '\u007f' || char.IsControl(c) || !char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append('\\').Append(c);
        }

        return escaped.ToString();
    }
}
