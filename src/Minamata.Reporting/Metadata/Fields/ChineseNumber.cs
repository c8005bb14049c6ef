namespace Minamata.Reporting.Metadata.Fields;

/// <summary>Numbers in Chinese numerals as documents write them: up to 99 (十四, 二十三), and years digit by digit (二〇二五).</summary>
internal static class ChineseNumber
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The number, or -1 when <paramref name="value"/> is not one.</summary>
    public static int Parse(string value)
    {
        if (int.TryParse(value, out var number))
        {
            return number;
        }

        var ten = value.IndexOf('十');
        if (ten < 0)
        {
            // Digit by digit: "七" is 7, "二〇二五" is 2025.
            var digits = value.Select(c => Digits.IndexOf(c == '零' ? '〇' : c)).ToList();
            return digits.Count > 0 && digits.All(d => d >= 0) ? digits.Aggregate(0, (n, d) => n * 10 + d) : -1;
        }

        var tens = ten == 0 ? 1 : Digits.IndexOf(value[0]);
        var ones = ten == value.Length - 1 ? 0 : Digits.IndexOf(value[^1]);
        return tens > 0 && ones >= 0 && value.Length <= 3 ? tens * 10 + ones : -1;
    }
}
