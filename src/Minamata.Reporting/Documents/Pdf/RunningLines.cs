using System.Text.RegularExpressions;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// Running headers and footers: lines at the top or bottom edge of a page that stand apart from the
/// page's other lines and recur, their numbers aside, on another page (a symbol, "Page 2 of 5", an
/// organisation's name), that are a bare page number, or that are set apart as headers are: in
/// the page's top margin, smaller than its text and well away from it (a one-page note's header;
/// at the foot, such a line is as likely a footnote).
/// </summary>
internal static partial class RunningLines
{
    /// <summary>How many lines at each edge of a page may be a header or footer (a header table may hold four).</summary>
    private const int LinesPerEdge = 4;

    /// <summary>Baselines this close (in points) on two pages are the same place.</summary>
    private const double SamePosition = 3;

    /// <summary>Finds the running lines of each page; the sets are indices into each page's lines.</summary>
    public static List<HashSet<int>> Find(IReadOnlyList<IReadOnlyList<LaidOutLine>> pages, IReadOnlyList<double> pageHeights)
    {
        var candidates = pages.Select(Candidates).ToList();
        var byShape = candidates
            .SelectMany((lines, page) => lines.Select(i => (Shape: Shape(pages[page][i].Text), Page: page, pages[page][i].Baseline)))
            .ToLookup(c => c.Shape, StringComparer.Ordinal);
        return candidates
            .Select((lines, page) => lines.Where(i => IsRunning(pages[page][i], page, byShape) || PageNumber().IsMatch(pages[page][i].Text) || SetApart(pages[page], i, pageHeights[page])).ToHashSet())
            .ToList();
    }

    /// <summary>
    /// Whether a line recurs at the same height at a page edge of another page. The height matters:
    /// a cover prints the symbol that later pages repeat in their header, but lower down.
    /// </summary>
    private static bool IsRunning(LaidOutLine line, int page, ILookup<string, (string Shape, int Page, double Baseline)> byShape) =>
        byShape[Shape(line.Text)].Any(other => other.Page != page && Math.Abs(other.Baseline - line.Baseline) <= SamePosition);

    /// <summary>In the top tenth of the page, in smaller type than most of its lines, and more than two of its line heights from the nearest line.</summary>
    private static bool SetApart(IReadOnlyList<LaidOutLine> lines, int index, double pageHeight)
    {
        var line = lines[index];
        var usualSize = lines.Select(l => l.FontSize).Order().ElementAt(lines.Count / 2);
        var nearest = lines.Where((_, i) => i != index).Select(l => Math.Abs(l.Baseline - line.Baseline)).DefaultIfEmpty(0).Min();
        return line.Baseline > 0.9 * pageHeight && line.FontSize < 0.9 * usualSize && nearest > 2 * usualSize;
    }

    /// <summary>The topmost and bottommost lines of a page, as long as other lines remain between them.</summary>
    private static IEnumerable<int> Candidates(IReadOnlyList<LaidOutLine> lines)
    {
        var byHeight = Enumerable.Range(0, lines.Count).OrderByDescending(i => lines[i].Baseline).ToList();
        var edge = Math.Min(LinesPerEdge, byHeight.Count / 2);
        return byHeight.Take(edge).Concat(byHeight.TakeLast(edge));
    }

    /// <summary>A line's text with its numbers folded, so "Page 2" and "Page 3" are one running line.</summary>
    private static string Shape(string text) => Digits().Replace(text.Trim(), "#");

    [GeneratedRegex(@"[0-9]+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:[-–—]\s*)?[0-9]{1,4}(?:\s*[-–—])?\s*$|^\s*(?:page|p\.|стр\.|страница|página)\s*[0-9]{1,4}(?:\s*(?:of|de|sur|из)\s*[0-9]{1,4})?\s*$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex PageNumber();
}
