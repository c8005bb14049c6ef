using System.Globalization;

namespace Minamata.Reporting.Metadata;

/// <summary>
/// Counts words: runs of letters and digits (joined by an apostrophe or hyphen), and each Han,
/// kana or Hangul character on its own, since Chinese and Japanese do not separate words by spaces.
/// </summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Scripts.IsCountedByCharacter(c))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || (inWord && IsJoiner(text, i)) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }

    private static bool IsJoiner(string text, int i) =>
        text[i] is '\'' or '’' or '-' or '\u2011' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
}
