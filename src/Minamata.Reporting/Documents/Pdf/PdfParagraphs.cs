using System.Text;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// Puts a page's wrapped lines back into paragraphs, one per line of text as a Word document gives
/// them, so that a title, a sentence or a symbol wrapped at a line end reads as one. A line
/// continues the one before when it follows at normal line spacing, in the same type, and the line
/// before was full: the next line's first word would not have fitted before the right edge of the
/// lines that start where it starts (its column or table cell), unless that is a narrow cell. Centred and right-aligned lines
/// have no such edge; they are joined only when they fill most of the page's width. Words
/// hyphenated at a line end are joined again.
/// </summary>
internal static class PdfParagraphs
{
    /// <summary>Baselines further apart than this many font sizes are in different paragraphs.</summary>
    private const double MaxLineSpacing = 1.6;

    /// <summary>Lines whose starts are this close (in points) are aligned on one edge.</summary>
    private const double Aligned = 2;

    public static IEnumerable<string> Join(IReadOnlyList<LaidOutLine> lines)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        var rightEdges = new Dictionary<long, double>();
        foreach (var line in lines)
        {
            var key = Edge(line.Start);
            rightEdges[key] = Math.Max(line.End, rightEdges.GetValueOrDefault(key, double.MinValue));
        }

        var pageWidth = lines.Max(l => l.End) - lines.Min(l => l.Start);
        var paragraph = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0 && Continues(lines[i - 1], lines[i], rightEdges, pageWidth))
            {
                Append(paragraph, lines[i].Text);
                continue;
            }

            if (paragraph.Length > 0)
            {
                yield return paragraph.ToString();
            }

            paragraph.Clear().Append(lines[i].Text);
        }

        if (paragraph.Length > 0)
        {
            yield return paragraph.ToString();
        }
    }

    private static long Edge(double start) => (long)Math.Round(start / Aligned);

    private static bool Continues(LaidOutLine before, LaidOutLine line, Dictionary<long, double> rightEdges, double pageWidth)
    {
        var spacing = before.Baseline - line.Baseline;
        if (line.RightToLeft != before.RightToLeft || before.Bold != line.Bold || spacing <= 0 || spacing > MaxLineSpacing * before.FontSize
            || Math.Abs(before.FontSize - line.FontSize) > 0.1 * before.FontSize || line.Start >= before.End || before.Start >= line.End)
        {
            return false;
        }

        var needed = 0.25 * before.FontSize + line.FirstWordWidth;
        const double tolerance = 1;
        if (Math.Abs(before.Start - line.Start) <= Aligned || line.Start < before.Start)
        {
            // Left-aligned, or a paragraph's indented first line: the edge is the column's. In a
            // narrow cell (a cover's "Distr.: General" over its date) short lines are separate.
            var edge = Math.Max(line.End, Math.Max(rightEdges[Edge(before.Start)], rightEdges[Edge(line.Start)]));
            return edge - before.Start > 0.3 * pageWidth && before.End + needed > edge + tolerance;
        }

        return before.Width > 0.6 * pageWidth && before.Width + needed > Math.Max(before.Width, line.Width) + tolerance;
    }

    private static void Append(StringBuilder paragraph, string next)
    {
        var last = paragraph[^1];
        var before = paragraph.Length > 1 ? paragraph[^2] : ' ';
        if (last is '-' or '\u2010' or '\u00AD' && char.IsLower(before) && next.Length > 0 && char.IsLower(next[0]))
        {
            // "hyphen-" + "ated" is one word; "UNEP-" + "led" keeps its hyphen (an acronym's compound).
            paragraph.Length--;
        }
        else if (!(last is '/' || (Scripts.IsWrittenWithoutSpaces(last) && next.Length > 0 && Scripts.IsWrittenWithoutSpaces(next[0]))))
        {
            paragraph.Append(' ');
        }

        paragraph.Append(next);
    }
}
