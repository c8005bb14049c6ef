using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// The lines of one PDF page, from its letters. Letters are taken in the order the producer drew
/// them (Word and LibreOffice draw in reading order, column by column); letters on one baseline
/// make a line, whose letters are then put left to right and cut where a gap is wider than any word
/// space (table cells, a cover's "United Nations ... UNEP/MC/COP.7/INF/12"). Spaces come from the
/// gaps, not from the producer's space characters, so Chinese gets none between its characters.
/// Right-to-left lines (Arabic) are put back in logical order, which PDF does not keep.
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
        var lines = new List<LaidOutLine>();
        var current = new List<Letter>();
        double baseline = 0, size = 0;
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal || string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            var y = letter.StartBaseLine.Y;
            if (current.Count > 0 && Math.Abs(y - baseline) > SameLineTolerance * Math.Max(size, letter.PointSize))
            {
                AddLine(lines, current);
                current.Clear();
            }

            if (current.Count == 0)
            {
                (baseline, size) = (y, letter.PointSize);
            }

            current.Add(letter);
        }

        AddLine(lines, current);
        return lines;
    }

    private static void AddLine(List<LaidOutLine> lines, List<Letter> letters)
    {
        if (letters.Count == 0)
        {
            return;
        }

        // The line's size and baseline are its body text's: raised, smaller letters are footnote
        // marks, which would glue a digit to a symbol or a year ("INF/30¹"), so they are dropped.
        var size = letters.Max(l => l.PointSize);
        var baseline = letters.Where(l => l.PointSize > 0.85 * size).Select(l => l.StartBaseLine.Y).DefaultIfEmpty(letters[0].StartBaseLine.Y).Min();
        var visual = letters
            .Where(l => !(l.PointSize < 0.85 * size && l.StartBaseLine.Y > baseline + 0.2 * size))
            .OrderBy(l => l.StartBaseLine.X)
            .ToList();
        var segment = new List<Letter>();
        foreach (var letter in visual)
        {
            if (segment.Count > 0 && letter.StartBaseLine.X - segment[^1].EndBaseLine.X > CellGap * size)
            {
                lines.Add(Line(segment, baseline, size));
                segment = [];
            }

            segment.Add(letter);
        }

        if (segment.Count > 0)
        {
            lines.Add(Line(segment, baseline, size));
        }
    }

    /// <summary>One line from its letters, left to right: words by gaps, then logical order.</summary>
    private static LaidOutLine Line(List<Letter> letters, double baseline, double size)
    {
        var words = new List<List<Letter>> { new() { letters[0] } };
        for (var i = 1; i < letters.Count; i++)
        {
            var (previous, letter) = (letters[i - 1], letters[i]);
            var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
            if (gap > WordGap * size && !(IsHan(previous.Value) && IsHan(letter.Value)))
            {
                words.Add([]);
            }

            words[^1].Add(letter);
        }

        var rightToLeft = letters.Count(l => IsRightToLeft(l.Value)) > letters.Count(l => IsLeftToRight(l.Value));
        var ordered = rightToLeft ? LogicalOrder(words) : words.Select(w => (Letters: w, Text: string.Concat(w.Select(l => l.Value)))).ToList();
        var text = string.Join(' ', ordered.Select(w => w.Text));
        if (text.Any(Scripts.IsPresentationForm))
        {
            // Arabic presentation forms and Latin ligatures (U+FB00-FEFF) as the letters they stand for.
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var (left, right) = (letters[0].StartBaseLine.X, letters[^1].EndBaseLine.X);
        var first = ordered[0].Letters;
        var firstWidth = IsHan(first[0].Value)
            ? first[0].Width
            : first.Max(l => l.EndBaseLine.X) - first.Min(l => l.StartBaseLine.X);
        var bold = letters.Count(l => l.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true) * 2 > letters.Count;
        return rightToLeft
            ? new LaidOutLine(text, -right, -left, baseline, size, bold, true, firstWidth)
            : new LaidOutLine(text, left, right, baseline, size, bold, false, firstWidth);
    }

    /// <summary>
    /// A right-to-left line drawn left to right: its words come in reverse and each Arabic word's
    /// letters too (brackets mirrored), but a run of left-to-right words inside it (a symbol, a
    /// year, "UNEP/MC") keeps its order, as the bidirectional algorithm laid it out.
    /// </summary>
    private static List<(List<Letter> Letters, string Text)> LogicalOrder(List<List<Letter>> words)
    {
        var logical = new List<(List<Letter>, string)>();
        var run = new List<(List<Letter>, string)>();
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var word = words[i];
            if (word.Any(l => IsRightToLeft(l.Value)) || !word.Any(l => IsLeftToRight(l.Value)))
            {
                logical.AddRange(run);
                run.Clear();
                logical.Add((word, string.Concat(Enumerable.Reverse(word).Select(l => Mirror(l.Value)))));
            }
            else
            {
                run.Insert(0, (word, string.Concat(word.Select(l => l.Value))));
            }
        }

        logical.AddRange(run);
        return logical;
    }

    private static string Mirror(string value) => value switch
    {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        _ => value,
    };

    private static bool IsHan(string value) => value.Length > 0 && Scripts.IsWrittenWithoutSpaces(value[0]);

    private static bool IsRightToLeft(string value) => value.Length > 0 && Scripts.IsRightToLeft(value[0]);

    private static bool IsLeftToRight(string value) =>
        value.Length > 0 && (char.IsAsciiDigit(value[0]) || (char.IsLetter(value[0]) && !Scripts.IsRightToLeft(value[0])));
}
