using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// Finds dates as the UN writes them in its six languages, always in the Gregorian calendar and
/// never through a culture's parser (which fails on "20 июня 2025 года", "aout" or Arabic dual
/// month names): "15 July 2025", "1er juillet 2025", "15 de julio de 2025", "15 июля 2025 года",
/// "2025年7月15日", "15 تموز/يوليه 2025", and the same without the day.
/// </summary>
internal static partial class DateScanner
{
    /// <summary>Month names by month, every language and grammatical form together.</summary>
    private static readonly string[][] MonthNames =
    [
        ["january", "jan\\.?", "janv\\.?", "янв\\.", "janvier", "enero", "январ[ьяе]", "كانون الثاني/يناير", "كانون الثاني", "يناير"],
        ["february", "feb\\.?", "f[ée]vr?\\.", "февр?\\.", "f[ée]vrier", "febrero", "феврал[ьяе]", "شباط/فبراير", "شباط", "فبراير"],
        ["march", "mar\\.", "mars", "marzo", "март[аеу]?", "آذار/مارس", "آذار", "مارس"],
        ["april", "apr\\.?", "avr\\.", "апр\\.", "avril", "abril", "апрел[ьяе]", "نيسان/أبريل", "نيسان/ابريل", "نيسان", "أبريل", "ابريل"],
        ["may", "mai", "mayo", "ма[йяе]", "أيار/مايو", "أيار", "مايو"],
        ["june", "jun\\.?", "juin", "junio", "июн[ьяе]", "حزيران/يونيه", "حزيران/يونيو", "حزيران", "يونيه", "يونيو"],
        ["july", "jul\\.?", "juil\\.", "juillet", "julio", "июл[ьяе]", "تموز/يوليه", "تموز/يوليو", "تموز", "يوليه", "يوليو"],
        ["august", "aug\\.?", "авг\\.", "ao[uû]t", "agosto", "август[аеу]?", "آب/أغسطس", "آب/اغسطس", "آب", "أغسطس", "اغسطس"],
        ["september", "sept?\\.?", "сент?\\.", "septembre", "sep?tiembre", "сентябр[ьяе]", "أيلول/سبتمبر", "أيلول", "سبتمبر"],
        ["october", "oct\\.?", "окт\\.", "octobre", "octubre", "октябр[ьяе]", "تشرين الأول/أكتوبر", "تشرين الأول", "أكتوبر", "اكتوبر"],
        ["november", "nov\\.?", "нояб?\\.", "novembre", "noviembre", "ноябр[ьяе]", "تشرين الثاني/نوفمبر", "تشرين الثاني", "نوفمبر"],
        ["december", "dec\\.?", "d[ée]c\\.", "дек\\.", "d[ée]cembre", "diciembre", "декабр[ьяе]", "كانون الأول/ديسمبر", "كانون الأول", "ديسمبر"],
    ];

    private static readonly (Regex Pattern, int Month)[] Months = MonthNames
        .SelectMany((names, index) => names.Select(name => (new Regex($"^(?:{name})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds)), index + 1)))
        .ToArray();

    private static readonly string MonthAlternatives = string.Join("|", MonthNames.SelectMany(n => n).OrderByDescending(n => n.Length));

    private static readonly Regex DayMonthYear = new(
        $@"(?<![\w])«?(?<day>[0-9]{{1,2}})(?:er|º|°|-?е|st|nd|rd|th)?\.?(?:º|°)?»?\s+(?:de\s+|of\s+)?(?<month>{MonthAlternatives})(?![\w])\s*,?\s+(?:de\s+|del\s+)?(?<year>[0-9]{{4}})(?!\d)(?:\s*(?:года|год|г\.)|م(?!\w))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds));

    private static readonly Regex MonthDayYear = new(
        $@"(?<![\w])(?<month>{MonthAlternatives})\s+(?<day>[0-9]{{1,2}}),?\s+(?:de\s+)?(?<year>[0-9]{{4}})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds));

    private static readonly Regex MonthYear = new(
        $@"(?<![\w])(?<month>{MonthAlternatives})(?![\w])\s*,?\s+(?:de\s+|del\s+)?(?<year>[0-9]{{4}})(?!\d)(?:\s*(?:года|год|г\.))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds));

    /// <summary>Months of one year given as a range: "January–June 2025", "de janvier à juin 2025", "январь–июнь 2025 года", "2025年1月至6月".</summary>
    private static readonly Regex MonthRange = new(
        $@"(?<![\w])(?<from>{MonthAlternatives})\s*(?:[-–—]|to|until|through|à|au|a|al|hasta|по|до|إلى|الى|حتى)\s*(?<to>{MonthAlternatives})(?![\w])\s*,?\s+(?:de\s+|del\s+)?(?<year>[0-9]{{4}})(?!\d)|(?<year>[0-9]{{4}})\s*年\s*(?<fromNumber>[0-9]{{1,2}})\s*月\s*(?:至|到|[-–—])\s*(?<toNumber>[0-9]{{1,2}})\s*月",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds));

    public static IEnumerable<(int Index, int Year, int From, int To)> SharedYearRanges(string text)
    {
        foreach (var match in InWindows(MonthRange, text, YearWindows(text)))
        {
            var from = match.Groups["from"].Success ? MonthOf(match.Groups["from"].Value) : int.Parse(match.Groups["fromNumber"].Value);
            var to = match.Groups["to"].Success ? MonthOf(match.Groups["to"].Value) : int.Parse(match.Groups["toNumber"].Value);
            var year = int.Parse(match.Groups["year"].Value);
            if (from is { } f && to is { } t && f < t && IsDate(year, t, null))
            {
                yield return (match.Index, year, f, t);
            }
        }
    }

    public static List<DateMention> Scan(string text)
    {
        var found = new List<DateMention>();
        var taken = new bool[text.Length];
        var windows = YearWindows(text);
        Collect(found, taken, InWindows(ChineseDate(), text, windows), m => int.Parse(m.Groups["month"].Value));
        Collect(found, taken, InWindows(IsoDate(), text, windows), m => int.Parse(m.Groups["month"].Value));
        Collect(found, taken, InWindows(DayFirstDate(), text, windows), m => int.Parse(m.Groups["month"].Value));
        CollectChineseNumerals(found, taken, ChineseNumeralDate().Matches(text));
        Collect(found, taken, InWindows(DayMonthYear, text, windows), MonthOf);
        Collect(found, taken, InWindows(MonthDayYear, text, windows), MonthOf);
        Collect(found, taken, InWindows(MonthYear, text, windows), MonthOf);
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>
    /// The stretches of text around each year in figures, where every date but a Chinese-numeral
    /// one must stand: the month-name patterns run there only, not over the whole text.
    /// </summary>
    private static List<(int Start, int Length)> YearWindows(string text)
    {
        const int before = 60, after = 30;
        var windows = new List<(int Start, int Length)>();
        foreach (var year in Year().EnumerateMatches(text))
        {
            // Widen to whole words, so that the patterns' look-behinds see what they would in the whole text.
            var start = Math.Max(0, year.Index - before);
            while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            var end = Math.Min(text.Length, year.Index + year.Length + after);
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (windows.Count > 0 && start <= windows[^1].Start + windows[^1].Length)
            {
                windows[^1] = (windows[^1].Start, end - windows[^1].Start);
            }
            else
            {
                windows.Add((start, end - start));
            }
        }

        return windows;
    }

    private static IEnumerable<Match> InWindows(Regex pattern, string text, List<(int Start, int Length)> windows)
    {
        foreach (var (start, length) in windows)
        {
            for (var match = pattern.Match(text, start, length); match.Success; match = match.NextMatch())
            {
                yield return match;
            }
        }
    }

    private static void Collect(List<DateMention> found, bool[] taken, IEnumerable<Match> matches, Func<Match, int?> month)
    {
        foreach (var match in matches)
        {
            if (taken.AsSpan(match.Index, match.Length).Contains(true))
            {
                continue;
            }

            // An impossible date ("31 February") is no date at all, not even its month.
            taken.AsSpan(match.Index, match.Length).Fill(true);
            var year = int.Parse(match.Groups["year"].Value);
            int? day = match.Groups["day"].Success ? int.Parse(match.Groups["day"].Value) : null;
            if (month(match) is not { } m || !IsDate(year, m, day))
            {
                continue;
            }

            found.Add(new DateMention(year, m, day, match.Index, match.Length));
        }
    }

    private static int? MonthOf(Match match) => MonthOf(match.Groups["month"].Value);

    private static int? MonthOf(string name)
    {
        foreach (var (pattern, month) in Months)
        {
            if (pattern.IsMatch(name))
            {
                return month;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<year>[0-9]{4})\s*年\s*(?<month>[0-9]{1,2})\s*月(?:\s*(?<day>[0-9]{1,2})\s*日)?", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<![0-9-])(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?![0-9-])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![0-9])(?:19|2[0-2])[0-9]{2}(?![0-9])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Year();

    // Day first, as the UN and most partners write it; never inside a symbol ("COP.6/22/2025").
    [GeneratedRegex(@"(?<![0-9./\p{L}])(?<day>[0-9]{1,2})(?<separator>[./])(?<month>[0-9]{1,2})\k<separator>(?<year>[0-9]{4})(?![0-9]|[./][0-9])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"(?<year>[〇零一二三四五六七八九]{4})\s*年\s*(?<month>[一二三四五六七八九十]{1,2})\s*月(?:\s*(?<day>[一二三四五六七八九十]{1,3})\s*日)?", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ChineseNumeralDate();

    /// <summary>Dates in Chinese numerals: the year digit by digit (二〇二五), month and day as numbers (十五).</summary>
    private static void CollectChineseNumerals(List<DateMention> found, bool[] taken, MatchCollection matches)
    {
        foreach (Match match in matches)
        {
            var year = ChineseNumber.Parse(match.Groups["year"].Value);
            var month = ChineseNumber.Parse(match.Groups["month"].Value);
            int? day = match.Groups["day"].Success ? ChineseNumber.Parse(match.Groups["day"].Value) : null;
            if (!taken.AsSpan(match.Index, match.Length).Contains(true) && IsDate(year, month, day))
            {
                taken.AsSpan(match.Index, match.Length).Fill(true);
                found.Add(new DateMention(year, month, day, match.Index, match.Length));
            }
        }
    }

    private static bool IsDate(int year, int month, int? day) =>
        month is >= 1 and <= 12 && year is >= 1900 and <= 2200 && (day is not { } d || (d >= 1 && d <= DateTime.DaysInMonth(year, month)));
}
