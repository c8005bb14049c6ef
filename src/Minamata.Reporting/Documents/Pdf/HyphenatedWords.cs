using System.Text.RegularExpressions;

namespace Minamata.Reporting.Documents.Pdf;

/// <summary>
/// Words hyphenated at a line end. Where a lower-case word ends a line with a hyphen and the next
/// line goes on in lower case, the two parts are marked as one word; once the whole document is
/// read, the hyphen is put back where the document writes the same word with a hyphen elsewhere
/// ("small-scale"), and dropped everywhere else ("organiza-tions").
/// </summary>
internal static partial class HyphenatedWords
{
    /// <summary>Stands where a line-end hyphen was until the document says whether it belongs to the word.</summary>
    public const char Mark = '\uE000';

    /// <summary>Whether <paramref name="line"/> ends in a word broken by hyphenation before <paramref name="next"/>.</summary>
    public static bool BreaksBefore(string line, string next) =>
        line.Length > 1 && line[^1] is '-' or '\u2010' or '\u00AD' && char.IsLower(line[^2]) && next.Length > 0 && char.IsLower(next[0]);

    public static string Resolve(string text)
    {
        if (!text.Contains(Mark))
        {
            return text;
        }

        return Marked().Replace(text, m =>
        {
            var hyphenated = $"{m.Groups["left"].Value}-{m.Groups["right"].Value}";
            return text.Contains(hyphenated, StringComparison.OrdinalIgnoreCase) ? hyphenated : m.Groups["left"].Value + m.Groups["right"].Value;
        });
    }

    [GeneratedRegex("(?<left>[\\w-]*)\uE000(?<right>[\\w-]*)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Marked();
}
