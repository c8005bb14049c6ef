using System.Text;
using UglyToad.PdfPig.Content;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// The lines of one PDF page, from its letters. Letters are taken in the order the producer drew
/// them (Word and LibreOffice draw in reading order, column by column); letters on one baseline
/// make a line, whose letters are then put left to right and cut where a gap is wider than any word
/// space (table cells, a cover's "United Nations ... UNEP/MC/COP.7/INF/12"). Spaces come from the
/// gaps, not from the producer's space characters, so Chinese gets none between its characters.
/// Right-to-left lines (Arabic) are put back in logical order (<see cref="RightToLeftText"/>).
/// </summary>
internal static class PdfPageLines
{
    /// <summary>A baseline further than this many font sizes from the line's starts a new line.</summary>
    private const double SameLineTolerance = 0.5;

    /// <summary>A gap wider than this many font sizes is a space between words.</summary>
    private const double WordGap = 0.15;

    /// <summary>A gap wider than this many font sizes separates two lines that share a baseline.</summary>
    private const double CellGap = 2.5;

    public static List<LaidOutLine> Read(Page page)
    {
        // A line mixing scripts ("الرقم: UNDP/SAU/ENV/2027/03") runs in its page's direction.
        var letters = page.Letters;
        var pageRightToLeft = letters.Count(l => IsRightToLeft(l.Value)) > letters.Count(l => l.Value.Length > 0 && char.IsLetter(l.Value[0]) && !IsRightToLeft(l.Value));
        var lines = new List<LaidOutLine>();
        var current = new List<Letter>();
        double baseline = 0, size = 0;
        foreach (var letter in letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal || string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            var y = letter.StartBaseLine.Y;
            if (current.Count > 0 && Math.Abs(y - baseline) > SameLineTolerance * Math.Max(size, letter.PointSize))
            {
                AddLine(lines, current, pageRightToLeft);
                current.Clear();
            }

            if (current.Count == 0)
            {
                (baseline, size) = (y, letter.PointSize);
            }

            current.Add(letter);
        }

        AddLine(lines, current, pageRightToLeft);
        return lines;
    }

    /// <summary>
    /// The page's lines with those drawn late but standing above the first one drawn (a text box
    /// or frame at the top, which LibreOffice draws after the body) moved before it, in their order.
    /// </summary>
    public static List<LaidOutLine> TopFirst(List<LaidOutLine> lines)
    {
        if (lines.Count == 0)
        {
            return lines;
        }

        var top = lines[0].Baseline;
        var above = lines.Where(l => l.Baseline > top + l.FontSize).ToList();
        return above.Count == 0 ? lines : [.. above, .. lines.Where(l => l.Baseline <= top + l.FontSize)];
    }

    private static void AddLine(List<LaidOutLine> lines, List<Letter> letters, bool pageRightToLeft)
    {
        if (letters.Count == 0)
        {
            return;
        }

        // The line's size and baseline are its body text's: raised, smaller letters are footnote
        // marks, which would glue a digit to a symbol or a year ("INF/30¹"), so they are dropped.
        var size = letters.Max(l => l.PointSize);
        var baseline = letters.Where(l => l.PointSize > 0.85 * size).Select(l => l.StartBaseLine.Y).DefaultIfEmpty(letters[0].StartBaseLine.Y).Min();
        // Left to right by each glyph's middle: a ligature's zero-width part (Arabic lam-alef)
        // stands at the ligature's left edge, where its middle puts it.
        var visual = letters
            .Where(l => !(l.PointSize < 0.85 * size && l.StartBaseLine.Y > baseline + 0.2 * size))
            .OrderBy(Middle)
            .ToList();
        var segment = new List<Letter>();
        foreach (var letter in visual)
        {
            if (segment.Count > 0 && letter.StartBaseLine.X - segment[^1].EndBaseLine.X > CellGap * size)
            {
                lines.Add(Line(segment, baseline, size, FollowsRightToLeft(lines), pageRightToLeft));
                segment = [];
            }

            segment.Add(letter);
        }

        if (segment.Count > 0)
        {
            lines.Add(Line(segment, baseline, size, FollowsRightToLeft(lines), pageRightToLeft));
        }
    }

    private static bool FollowsRightToLeft(List<LaidOutLine> lines) => lines.Count > 0 && lines[^1].RightToLeft;

    private static double Middle(Letter letter) => (letter.StartBaseLine.X + letter.EndBaseLine.X) / 2;

    /// <summary>
    /// One line from its letters, left to right: a space where the gap is a word space, then logical
    /// order. A line with some right-to-left letters on a right-to-left page runs right to left; a
    /// line without letters (".12", the end of a wrapped Arabic sentence) takes the direction of the
    /// line before it.
    /// </summary>
    private static LaidOutLine Line(List<Letter> letters, double baseline, double size, bool followsRightToLeft, bool pageRightToLeft)
    {
        var (rightToLeftLetters, leftToRightLetters) = (letters.Count(l => IsRightToLeft(l.Value)), letters.Count(l => l.Value.Length > 0 && char.IsLetter(l.Value[0]) && !IsRightToLeft(l.Value)));
        var rightToLeft = rightToLeftLetters > leftToRightLetters || (rightToLeftLetters > 0 && pageRightToLeft)
            || (rightToLeftLetters + leftToRightLetters == 0 && followsRightToLeft);

        // A ligature's letters (Arabic lam-alef) come in logical order; in a right-to-left line the
        // whole line is reversed later, so they go in reversed here.
        // Control characters stand for glyphs with no text, such as the stretches of justified
        // Arabic: they write nothing, but close the gap they fill.
        string Visual(Letter letter) =>
            letter.Value.All(char.IsControl) ? ""
            : rightToLeft && letter.Value.Length > 1 ? new string(letter.Value.Reverse().ToArray())
            : letter.Value;

        var text = new StringBuilder(Visual(letters[0]));
        var wordStarts = new List<int> { 0 };
        for (var i = 1; i < letters.Count; i++)
        {
            var (previous, letter) = (letters[i - 1], letters[i]);
            if (letter.StartBaseLine.X - previous.EndBaseLine.X > WordGap * size)
            {
                wordStarts.Add(i);
                // Chinese takes no spaces, not even beside Latin letters or digits (as Word has it).
                if (!WrittenWithoutSpaces(previous.Value) && !WrittenWithoutSpaces(letter.Value))
                {
                    text.Append(' ');
                }
            }

            text.Append(Visual(letter));
        }

        var line = rightToLeft ? RightToLeftText.ToLogicalOrder(text.ToString()) : text.ToString();
        if (line.Any(Scripts.IsPresentationForm))
        {
            // Arabic presentation forms and Latin ligatures (U+FB00-FEFF) as the letters they stand for.
            line = line.Normalize(NormalizationForm.FormKC);
        }

        // The first word in reading order: the leftmost, or the rightmost in a right-to-left line;
        // in Chinese, its first character.
        var (from, to) = rightToLeft ? (wordStarts[^1], letters.Count) : (0, wordStarts.Count > 1 ? wordStarts[1] : letters.Count);
        var firstWord = letters.GetRange(from, to - from);
        var firstWidth = WrittenWithoutSpaces(firstWord[0].Value)
            ? firstWord[0].Width
            : firstWord.Max(l => l.EndBaseLine.X) - firstWord.Min(l => l.StartBaseLine.X);
        var (left, right) = (letters.Min(l => l.StartBaseLine.X), letters.Max(l => l.EndBaseLine.X));
        var bold = letters.Count(l => l.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true) * 2 > letters.Count;
        return rightToLeft
            ? new LaidOutLine(line, -right, -left, baseline, size, bold, true, firstWidth)
            : new LaidOutLine(line, left, right, baseline, size, bold, false, firstWidth);
    }

    private static bool WrittenWithoutSpaces(string value) => value.Length > 0 && Scripts.IsWrittenWithoutSpaces(value[0]);

    private static bool IsRightToLeft(string value) => value.Length > 0 && Scripts.IsRightToLeft(value[0]);
}
