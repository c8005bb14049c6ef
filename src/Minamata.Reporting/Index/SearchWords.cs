using System.Text;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Index;

/// <summary>
/// What <c>q</c> searches: the distinct words of a report's title and text, folded (lower case, no
/// Latin accents, ё as е, Arabic letter variants unified) so that search ignores case and accents
/// in every script. Chinese runs are kept whole, since Chinese is searched by substring.
/// </summary>
public static class SearchWords
{
    /// <summary>Enough for the distinct words of a long report; what is beyond is not searchable.</summary>
    public const int MaxCharacters = 240_000;

    public static string Build(string? title, string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new StringBuilder();
        foreach (var word in PositionedWord.Split((title ?? "") + "\n" + text))
        {
            var folded = WordStems.Fold(word.Text);
            if (seen.Add(folded))
            {
                if (words.Length + folded.Length + 1 > MaxCharacters)
                {
                    break;
                }

                words.Append(folded).Append(' ');
            }
        }

        return words.ToString();
    }

    /// <summary>Whether every word of the query is among the report's words (Chinese: inside them).</summary>
    public static bool Matches(string? searchWords, string query)
    {
        if (string.IsNullOrEmpty(searchWords))
        {
            return false;
        }

        var padded = " " + searchWords;
        return PositionedWord.Split(query).All(word =>
        {
            var folded = WordStems.Fold(word.Text);
            return folded.Any(Scripts.IsHan) ? searchWords.Contains(folded, StringComparison.Ordinal) : padded.Contains(" " + folded + " ", StringComparison.Ordinal);
        });
    }
}
