using System.Text.RegularExpressions;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// Running headers and footers: lines at the top or bottom edge of a page that stand apart from the
/// page's other lines and recur, their numbers aside, on another page (a symbol, "Page 2 of 5", an
/// organisation's name), or that are a bare page number. The top of the first page is never a
/// running line: it is where a cover prints the symbol that later pages repeat in their header.
/// </summary>
internal static partial class RunningLines
{
    /// <summary>How many lines at each edge of a page may be a header or footer.</summary>
    private const int LinesPerEdge = 2;

    /// <summary>Finds the running lines of each page; the sets are indices into each page's lines.</summary>
    public static List<HashSet<int>> Find(IReadOnlyList<IReadOnlyList<LaidOutLine>> pages)
    {
        var candidates = pages.Select((lines, page) => Candidates(lines, firstPage: page == 0)).ToList();
        var recurring = candidates
            .SelectMany((lines, page) => lines.Select(i => (Shape: Shape(pages[page][i].Text), Page: page)))
            .GroupBy(c => c.Shape)
            .Where(g => g.Select(c => c.Page).Distinct().Count() >= 2)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return candidates
            .Select((lines, page) => lines.Where(i => recurring.Contains(Shape(pages[page][i].Text)) || PageNumber().IsMatch(pages[page][i].Text)).ToHashSet())
            .ToList();
    }

    /// <summary>The topmost and bottommost lines of a page, as long as other lines remain between them.</summary>
    private static IEnumerable<int> Candidates(IReadOnlyList<LaidOutLine> lines, bool firstPage)
    {
        var byHeight = Enumerable.Range(0, lines.Count).OrderByDescending(i => lines[i].Baseline).ToList();
        var edge = Math.Min(LinesPerEdge, byHeight.Count / 2);
        return (firstPage ? [] : byHeight.Take(edge)).Concat(byHeight.TakeLast(edge));
    }

    /// <summary>A line's text with its numbers folded, so "Page 2" and "Page 3" are one running line.</summary>
    private static string Shape(string text) => Digits().Replace(text.Trim(), "#");

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:[-–—]\s*)?[0-9]{1,4}(?:\s*[-–—])?\s*$|^\s*(?:page|p\.|стр\.|страница|página)\s*[0-9]{1,4}(?:\s*(?:of|de|sur|из)\s*[0-9]{1,4})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
