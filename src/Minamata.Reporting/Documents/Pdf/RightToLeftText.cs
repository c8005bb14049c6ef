using System.Text;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// A right-to-left line as PDF draws it (left to right on the page) put back in logical order: the
/// simplified bidirectional algorithm for a right-to-left paragraph. Runs of left-to-right text
/// (Latin words with the spaces between them, numbers with their inner separators: "UNEP/MC/COP.7",
/// "15.07.2025") keep their order; everything else, the runs among it, comes in reverse. Numbers
/// in Arabic text are Arabic numbers, which a hyphen does not join: "1-5" is drawn "5-1". Brackets need no mirroring: the producer maps each glyph to the character it stands for.
/// </summary>
internal static class RightToLeftText
{
    /// <summary>Characters that join two left-to-right characters into one run.</summary>
    private const string Separators = "/.,:";

    public static bool IsLeftToRight(char c) => char.IsDigit(c) || (char.IsLetter(c) && !Scripts.IsRightToLeft(c) && !Scripts.IsHan(c));

    public static string ToLogicalOrder(string visual)
    {
        var runs = new List<string>();
        var i = 0;
        while (i < visual.Length)
        {
            if (!IsLeftToRight(visual[i]))
            {
                runs.Add(visual[i].ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < visual.Length && (IsLeftToRight(visual[i]) || JoinsRun(visual, start, i)))
            {
                i++;
            }

            runs.Add(visual[start..i]);
        }

        runs.Reverse();
        return string.Concat(runs);
    }

    /// <summary>
    /// A separator between two left-to-right characters; a space between two Latin letters; a
    /// hyphen between letters, or between numbers of a run that has Latin letters ("INF/25-27").
    /// </summary>
    private static bool JoinsRun(string text, int runStart, int i)
    {
        if (i == 0 || i + 1 >= text.Length || !IsLeftToRight(text[i - 1]) || !IsLeftToRight(text[i + 1]))
        {
            return false;
        }

        return text[i] switch
        {
            ' ' => char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]),
            '-' => (char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])) || text.AsSpan(runStart, i - runStart).ContainsAny(LatinLetters),
            _ => Separators.Contains(text[i]),
        };
    }

    private static readonly System.Buffers.SearchValues<char> LatinLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
