namespace Minamata.Reporting;

/// <summary>The scripts that the pipeline treats differently, by their Unicode blocks, in one place.</summary>
internal static class Scripts
{
    /// <summary>Chinese characters (CJK unified ideographs, extension A and compatibility).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Arabic letters (Arabic, its supplement and presentation forms).</summary>
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Scripts whose every character counts as a word: Chinese characters, Japanese kana, Korean syllables.</summary>
    public static bool IsCountedByCharacter(char c) => IsHan(c) || c is >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF';

    /// <summary>Text written without spaces between words: Chinese characters, CJK punctuation and full-width forms.</summary>
    public static bool IsWrittenWithoutSpaces(char c) => IsHan(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>Letters of right-to-left scripts (Hebrew, Arabic and its presentation forms).</summary>
    public static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Arabic presentation forms and Latin ligatures, which stand for ordinary letters.</summary>
    public static bool IsPresentationForm(char c) => c is >= '\uFB00' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
