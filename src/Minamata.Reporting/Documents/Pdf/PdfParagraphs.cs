using System.Text;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// Puts a page's wrapped lines back into paragraphs, one per line of text as a Word document gives
/// them, so that a title, a sentence or a symbol wrapped at a line end reads as one. A line
/// continues the one before when it follows at normal line spacing, in the same type, and the line
/// before was full: the next line's first word would not have fitted before the right edge of the
/// block they stand in (the run of lines in that type and column, so a narrow cover cell has its
/// own edge). Centred and right-aligned lines have no such edge; they are joined only when they
/// fill most of the page's width. Words hyphenated at a line end are joined again
/// (<see cref="HyphenatedWords"/>), also across a page break.
/// </summary>
internal static class PdfParagraphs
{
    /// <summary>
    /// Baselines further apart than this many font sizes are in different paragraphs (Chinese is set
    /// at about 1.7), unless the page's own line spacing is wider (Arabic Naskh, at about 2.1).
    /// </summary>
    private const double MaxLineSpacing = 1.9;

    /// <summary>How much wider than the page's usual line spacing a paragraph's may be.</summary>
    private const double SpacingTolerance = 1.3;

    /// <summary>Lines whose starts are this close (in points) are aligned on one edge.</summary>
    private const double Aligned = 2;

    /// <summary>How far (in font sizes) a paragraph's first line may be indented within its block.</summary>
    private const double MaxIndent = 4;

    public static List<string> Join(IReadOnlyList<LaidOutLine> lines)
    {
        var paragraphs = new List<string>();
        if (lines.Count == 0)
        {
            return paragraphs;
        }

        var maxSpacing = Math.Max(MaxLineSpacing, SpacingTolerance * UsualSpacing(lines));
        var blockEdges = BlockEdges(lines, maxSpacing);
        var pageWidth = lines.Max(l => l.End) - lines.Min(l => l.Start);
        var paragraph = new StringBuilder(lines[0].Text);
        for (var i = 1; i < lines.Count; i++)
        {
            var continues = InOneBlock(lines[i - 1], lines[i], maxSpacing) && Continues(lines[i - 1], lines[i], blockEdges[i], pageWidth);
            if (continues || GoesOnInNextColumn(lines[i - 1], lines[i], blockEdges[i - 1]) || HyphenatedWords.BreaksBefore(lines[i - 1].Text, lines[i].Text))
            {
                Append(paragraph, lines[i].Text);
                continue;
            }

            paragraphs.Add(paragraph.ToString());
            paragraph.Clear().Append(lines[i].Text);
        }

        paragraphs.Add(paragraph.ToString());
        return paragraphs;
    }

    /// <summary>The page's usual distance between consecutive lines in one type, in font sizes.</summary>
    private static double UsualSpacing(IReadOnlyList<LaidOutLine> lines)
    {
        var spacings = lines.Zip(lines.Skip(1))
            .Where(p => Math.Abs(p.First.FontSize - p.Second.FontSize) <= 0.1 * p.First.FontSize && p.First.FontSize > 0)
            .Select(p => (p.First.Baseline - p.Second.Baseline) / p.First.FontSize)
            .Where(r => r is > 0 and < 3)
            .Order()
            .ToList();
        return spacings.Count == 0 ? 0 : spacings[spacings.Count / 2];
    }

    /// <summary>
    /// A paragraph that runs from the foot of one column to the top of the next: the line before
    /// was full, the next stands higher on the page in the same type and goes on in lower case.
    /// </summary>
    private static bool GoesOnInNextColumn(LaidOutLine before, LaidOutLine line, double blockEdge) =>
        line.Baseline > before.Baseline + before.FontSize && line.Bold == before.Bold && line.RightToLeft == before.RightToLeft
        && Math.Abs(before.FontSize - line.FontSize) <= 0.1 * before.FontSize && line.Start >= before.End
        && line.Text.Length > 0 && char.IsLower(line.Text[0]) && before.End + 0.25 * before.FontSize + line.FirstWordWidth > blockEdge + 1;

    /// <summary>Each line's block's right edge: the furthest end among the consecutive lines that can share a paragraph with it.</summary>
    private static double[] BlockEdges(IReadOnlyList<LaidOutLine> lines, double maxSpacing)
    {
        var edges = new double[lines.Count];
        var first = 0;
        for (var i = 1; i <= lines.Count; i++)
        {
            if (i < lines.Count && InOneBlock(lines[i - 1], lines[i], maxSpacing))
            {
                continue;
            }

            var edge = lines.Skip(first).Take(i - first).Max(l => l.End);
            Array.Fill(edges, edge, first, i - first);
            first = i;
        }

        return edges;
    }

    /// <summary>Consecutive lines in one type, at normal line spacing, overlapping and starting near each other.</summary>
    private static bool InOneBlock(LaidOutLine before, LaidOutLine line, double maxSpacing)
    {
        var spacing = before.Baseline - line.Baseline;
        return line.RightToLeft == before.RightToLeft && before.Bold == line.Bold && spacing > 0 && spacing <= maxSpacing * before.FontSize
            && Math.Abs(before.FontSize - line.FontSize) <= 0.1 * before.FontSize && line.Start < before.End && before.Start < line.End
            && Math.Abs(before.Start - line.Start) <= MaxIndent * before.FontSize;
    }

    private static bool Continues(LaidOutLine before, LaidOutLine line, double blockEdge, double pageWidth)
    {
        var needed = 0.25 * before.FontSize + line.FirstWordWidth;
        const double tolerance = 1;
        if (Math.Abs(before.Start - line.Start) <= Aligned || line.Start < before.Start)
        {
            // Left-aligned, or a paragraph's indented first line.
            return before.End + needed > blockEdge + tolerance;
        }

        return before.Width > 0.6 * pageWidth && before.Width + needed > Math.Max(before.Width, line.Width) + tolerance;
    }

    /// <summary>
    /// A word hyphenated at the foot of a page goes on at the top of the next: the part before the
    /// break moves to the next page's first paragraph, so that the word reads whole.
    /// </summary>
    public static void JoinWordsAcrossPages(List<List<string>> pages)
    {
        for (var page = 1; page < pages.Count; page++)
        {
            var (before, after) = (pages[page - 1], pages[page]);
            if (before.Count == 0 || after.Count == 0 || !HyphenatedWords.BreaksBefore(before[^1], after[0]))
            {
                continue;
            }

            var last = before[^1];
            var wordStart = last.LastIndexOf(' ') + 1;
            after[0] = string.Concat(last.AsSpan(wordStart, last.Length - wordStart - 1), HyphenatedWords.Mark.ToString(), after[0]);
            before[^1] = last[..wordStart].TrimEnd();
            if (before[^1].Length == 0)
            {
                before.RemoveAt(before.Count - 1);
            }
        }
    }

    private static void Append(StringBuilder paragraph, string next)
    {
        var last = paragraph[^1];
        if (HyphenatedWords.BreaksBefore(paragraph.ToString(Math.Max(0, paragraph.Length - 2), Math.Min(2, paragraph.Length)), next))
        {
            // "hyphen-" + "ated" is one word ("UNEP-" + "led" keeps its hyphen: an acronym's compound).
            paragraph[^1] = HyphenatedWords.Mark;
        }
        else if (!(last is '/' || (Scripts.IsWrittenWithoutSpaces(last) && next.Length > 0 && Scripts.IsWrittenWithoutSpaces(next[0]))))
        {
            paragraph.Append(' ');
        }

        paragraph.Append(next);
    }
}
