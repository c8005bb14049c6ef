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
/// (<see cref="HyphenatedWords"/>), and a paragraph broken by a page break is joined again too.
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

    /// <summary>Type this much smaller than the page's body text is small print: footnotes, a footer's notes.</summary>
    private const double SmallPrint = 0.9;

    public static List<PdfParagraph> Join(IReadOnlyList<LaidOutLine> lines)
    {
        var paragraphs = new List<PdfParagraph>();
        if (lines.Count == 0)
        {
            return paragraphs;
        }

        var maxSpacing = Math.Max(MaxLineSpacing, SpacingTolerance * UsualSpacing(lines));
        var blockEdges = BlockEdges(lines, maxSpacing);
        var pageWidth = lines.Max(l => l.End) - lines.Min(l => l.Start);
        var bodySize = lines.GroupBy(l => Math.Round(l.FontSize, 1)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var paragraph = new StringBuilder(lines[0].Text);
        var size = lines[0].FontSize;
        for (var i = 1; i < lines.Count; i++)
        {
            var continues = InOneBlock(lines[i - 1], lines[i], maxSpacing) && Continues(lines[i - 1], lines[i], blockEdges[i], pageWidth);
            // A hyphenated word goes on in the same type: a footnote under the last line is not its end.
            var hyphenated = SameType(lines[i - 1], lines[i]) && HyphenatedWords.BreaksBefore(lines[i - 1].Text, lines[i].Text);
            if (continues || GoesOnInNextColumn(lines[i - 1], lines[i], blockEdges[i - 1]) || hyphenated)
            {
                Append(paragraph, lines[i].Text);
                continue;
            }

            paragraphs.Add(new PdfParagraph(paragraph.ToString(), size < SmallPrint * bodySize));
            paragraph.Clear().Append(lines[i].Text);
            size = lines[i].FontSize;
        }

        paragraphs.Add(new PdfParagraph(paragraph.ToString(), size < SmallPrint * bodySize));
        return paragraphs;
    }

    private static bool SameType(LaidOutLine before, LaidOutLine line) => Math.Abs(before.FontSize - line.FontSize) <= 0.1 * before.FontSize;

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
    /// A paragraph that runs from the foot of one page to the top of the next reads as one, on the
    /// page where it starts (where a quotation from it is cited): the next page's first paragraph
    /// goes on in lower case after the page's last paragraph of body text, which did not end a
    /// sentence. Footnotes and notes in small print under that paragraph stay on their page, after it.
    /// </summary>
    public static void JoinAcrossPages(List<List<PdfParagraph>> pages)
    {
        for (var page = 1; page < pages.Count; page++)
        {
            var (before, after) = (pages[page - 1], pages[page]);
            var open = before.FindLastIndex(p => !p.SmallPrint);
            if (open < 0 || after.Count == 0 || after[0].Text.Length == 0 || !char.IsLower(after[0].Text[0]) || EndsSentence(before[open].Text))
            {
                continue;
            }

            var text = new StringBuilder(before[open].Text);
            Append(text, after[0].Text);
            before[open] = before[open] with { Text = text.ToString() };
            after.RemoveAt(0);
        }
    }

    private static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] is '.' or '!' or '?' or ':' or ';' or '。' or '！' or '？' or '؟';

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

/// <summary>A paragraph of a PDF page, and whether it is set in small print (a footnote) rather than the page's body type.</summary>
internal sealed record PdfParagraph(string Text, bool SmallPrint);
