namespace Minamata.Reporting.Metadata.Fields;

/// <summary>A word of the text and where it stands.</summary>
internal readonly record struct PositionedWord(string Text, int Start)
{
    /// <summary>
    /// The words of a text: runs of letters, digits and inner hyphens. Apostrophes, quotes and all
    /// other punctuation separate words, so "l'Organisation" is "l" and "Organisation".
    /// </summary>
    public static List<PositionedWord> Split(string text)
    {
        var words = new List<PositionedWord>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] is '-' or '\u2011' && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            words.Add(new PositionedWord(text[start..i], start));
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;
}
