using System.Buffers;
using System.Text;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The compiled report as CommonMark with pipe tables, for wikis, e-mails and diffs between two
/// compilations. Partners' text is escaped: what Markdown could read as markup is backslash-escaped,
/// and line breaks inside a value become spaces.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    private static readonly SearchValues<char> InlineMarkup = SearchValues.Create("\\`*_[]<>!&|~#");
    private static readonly char[] Digits = "0123456789".ToCharArray();

    public string Format => "md";

    public string MediaType => "text/markdown; charset=utf-8";

    public byte[] Write(CompiledReport report)
    {
        var layout = ReportLayout.For(report);
        var md = new StringBuilder();
        var cover = layout.Cover;
        // Each cover line starts a line, where a list could begin too.
        string Line(string value) => Paragraph(E(value));
        md.Append($"**{E(cover.Symbol)}**  \n{Line(cover.Distribution)}  \n{Line(cover.Date)}  \n{Line(cover.Original)}\n\n")
            .Append($"**{E(cover.Body)}**  \n{Line(cover.Meeting)}  \n{Line(cover.MeetingDate)}\n\n")
            .Append(cover.Agenda is { } item ? $"{Line($"Item {item.Number} of the provisional agenda")}  \n**{E(item.Title)}**\n\n" : "")
            .Append($"# {E(cover.Title)}\n\n**{E(cover.Subtitle)}**\n\n");
        foreach (var block in layout.Blocks)
        {
            Append(md, block);
        }

        return Encoding.UTF8.GetBytes(md.ToString());
    }

    private static void Append(StringBuilder md, LayoutBlock block)
    {
        switch (block)
        {
            case SectionHeading { IsAnnex: true, Number: { } annex } heading:
                md.Append("## ").Append(E(annex)).Append(": ").Append(E(heading.Text)).Append("\n\n");
                break;
            case SectionHeading heading:
                // # is the title; the note's sections are ##, their parts ###.
                md.Append('#', heading.Level + 1).Append(' ').Append(E(heading.Number is null ? heading.Text : $"{heading.Number} {heading.Text}")).Append("\n\n");
                break;
            case Prose prose:
                // "1." escaped: the note's numbering, not a Markdown list.
                md.Append(Paragraph(E(prose.Number is null ? prose.Text : $"{prose.Number} {prose.Text}"))).Append("\n\n");
                break;
            case Quotation quote:
                md.Append($"> “{E(quote.Text)}” ({E(quote.Citation)})\n\n");
                break;
            case TableBlock table:
                md.Append("| ").AppendJoin(" | ", table.Columns.Select(c => E(c.Heading))).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", table.Columns.Count))).Append('\n');
                foreach (var row in table.Rows)
                {
                    md.Append("| ").AppendJoin(" | ", row.Select(E)).Append(" |\n");
                }

                md.Append('\n');
                break;
            case PageBreak:
                break;
            default:
                throw new NotSupportedException($"No Markdown for {block.GetType().Name}.");
        }
    }

    /// <summary>
    /// Text as literal Markdown: every character that can make inline markup (emphasis, code, links,
    /// HTML, entities, table cells, strike-through, a heading's closing marks) is backslash-escaped,
    /// and line breaks inside a value become spaces. The rest stays as written, so the file reads as
    /// text; what could open a block where a paragraph begins is <see cref="Paragraph"/>'s.
    /// </summary>
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

            if (InlineMarkup.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Escaped text as a paragraph: a start that would make a list item ("1." "-" "+") or a heading's underline ("=") is escaped too.</summary>
    private static string Paragraph(string escaped)
    {
        var text = escaped.TrimStart();
        var digits = text.Length - text.TrimStart(Digits).Length;
        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')')
        {
            return text.Insert(digits, "\\");
        }

        return text.Length > 0 && text[0] is '-' or '+' or '=' ? "\\" + text : text;
    }
}
