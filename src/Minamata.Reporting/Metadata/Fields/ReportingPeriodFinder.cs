using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The period a report covers: the first pair of dates joined as a range ("from December 2023 to
/// June 2025", "1 January 2024 – 30 June 2025", "с декабря 2023 года по июнь 2025 года",
/// "2023年12月至2025年6月", "من ... إلى ..."), or a biennium or period given in years ("for the
/// biennium 2024–2025", "двухгодичный период 2024–2025 годов", "2024-2025两年期").
/// </summary>
internal static partial class ReportingPeriodFinder
{
    private const int MaxYears = 10;

    /// <summary>
    /// The period; <paramref name="issued"/> (the document's date, when known) leaves out periods
    /// that start after it: plans ("for the biennium 2028–2029"), not what the report covers.
    /// </summary>
    public static (int Index, ReportingPeriod Period)? Find(string text, IReadOnlyList<DateMention> dates, string? issued = null)
    {
        var candidates = new List<(int Index, ReportingPeriod Period)>();
        var yearsOnly = new List<(int Index, ReportingPeriod Period)>();
        foreach (var (from, to) in Ranges(text, dates))
        {
            candidates.Add((from.Index, new ReportingPeriod(from.ToMonth(), to.ToMonth())));
        }

        foreach (var (index, year, from, to) in DateScanner.SharedYearRanges(text))
        {
            candidates.Add((index, new ReportingPeriod($"{year:D4}-{from:D2}", $"{year:D4}-{to:D2}")));
        }

        foreach (Match match in YearsAfterWord().Matches(text).Concat(YearsBeforeWord().Matches(text)).Concat(FromYearToYear().Matches(text)))
        {
            var (start, end) = (int.Parse(match.Groups["start"].Value), int.Parse(match.Groups["end"].Value));
            if (Ordered(start, 1, end, 12))
            {
                candidates.Add((match.Index, new ReportingPeriod($"{start:D4}-01", $"{end:D4}-12")));
            }
        }

        // Years alone ("охватывает 2025–2026 годы") only where the text says the report covers them,
        // and after any period it gives to the month.
        foreach (Match match in BareYears().Matches(text))
        {
            var (start, end) = (int.Parse(match.Groups["start"].Value), int.Parse(match.Groups["end"].Value));
            if (SaysWhatItCovers(text, match.Index) && Ordered(start, 1, end, 12))
            {
                yearsOnly.Add((match.Index, new ReportingPeriod($"{start:D4}-01", $"{end:D4}-12")));
            }
        }

        // A single year only where the text says the report covers it ("Доклад охватывает деятельность за 2026 год").
        foreach (Match match in SingleYear().Matches(text))
        {
            if (SaysWhatItCovers(text, match.Index) && int.Parse(match.Groups["year"].Value) is var year and >= 1900 and <= 2200)
            {
                candidates.Add((match.Index, new ReportingPeriod($"{year:D4}-01", $"{year:D4}-12")));
            }
        }

        bool Planned((int Index, ReportingPeriod Period) c) => issued is not null && string.CompareOrdinal(c.Period.Start, issued[..7]) > 0;
        candidates.RemoveAll(Planned);
        yearsOnly.RemoveAll(Planned);

        // The period the report says it covers, before any other range it mentions (a project's years).
        return candidates.Count > 0 ? candidates.OrderBy(c => SaysWhatItCovers(text, c.Index) ? 0 : 1).ThenBy(c => c.Index).First()
            : yearsOnly.Count > 0 ? yearsOnly.MinBy(c => c.Index)
            : null;
    }

    /// <summary>Whether the sentence before a range says it is the report's period ("This report covers ...", "El informe examina ...").</summary>
    private static bool SaysWhatItCovers(string text, int index)
    {
        var start = Math.Max(0, index - 160);
        var before = text.AsSpan(start, index - start);
        var sentenceStart = Math.Max(Math.Max(before.LastIndexOf(". "), before.LastIndexOf('\n')), before.LastIndexOf('。'));
        return CoverageWord().IsMatch(before[(sentenceStart + 1)..]);
    }

    /// <summary>The dates that begin or end a range of dates: a period's, not a document's own date.</summary>
    public static HashSet<DateMention> RangeEnds(string text, IReadOnlyList<DateMention> dates) =>
        Ranges(text, dates).SelectMany(r => new[] { r.From, r.To }).ToHashSet();

    /// <summary>Pairs of consecutive dates joined as a range ("1 July 2025 – 31 March 2027", "between ... and ...").</summary>
    private static IEnumerable<(DateMention From, DateMention To)> Ranges(string text, IReadOnlyList<DateMention> dates)
    {
        for (var i = 0; i + 1 < dates.Count; i++)
        {
            var (from, to) = (dates[i], dates[i + 1]);
            var between = text.AsSpan(from.End, Math.Max(0, to.Index - from.End));
            var joined = RangeJoiner().IsMatch(between) ||
                (AndJoiner().IsMatch(between) && Between().IsMatch(text.AsSpan(Math.Max(0, from.Index - 16), Math.Min(16, from.Index)).ToString()));
            if (joined && Ordered(from.Year, from.Month, to.Year, to.Month))
            {
                yield return (from, to);
            }
        }
    }

    private static bool Ordered(int fromYear, int fromMonth, int toYear, int toMonth) =>
        (fromYear, fromMonth).CompareTo((toYear, toMonth)) < 0 && toYear - fromYear <= MaxYears;

    // What may stand between the two dates of a range, in the six languages.
    [GeneratedRegex(@"^\s*(?:[-–—]|to|until|through|au|à|jusqu'à|a|al|hasta|по|до|إلى|الى|حتى|至|到)\s*$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex RangeJoiner();

    [GeneratedRegex(@"^\s*(?:and|et|y|и|و|和)\s*(?:the|le|la|el|l['’])?\s*$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex AndJoiner();

    // "between ... and ...", "entre ... et ...", "между ... и ...", "بين ... و...".
    [GeneratedRegex(@"(?:between|entre|между|بين)\s+(?:the\s+|le\s+|la\s+|el\s+|l['’])?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Between();

    [GeneratedRegex(@"(?:biennium|bienio|biennal|biennale|двухгодичн\w*\s+период\w*|period|période|período|периода?|فترة السنتين|الفترة|فترة)\s+(?:of\s+|de\s+|del\s+)?(?<start>[0-9]{4})\s*[-–—]\s*(?<end>[0-9]{4})(?![0-9])", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex YearsAfterWord();

    [GeneratedRegex(@"(?<start>[0-9]{4})\s*[-–—]\s*(?<end>[0-9]{4})\s*(?:年)?\s*(?:两年期|期间|biennium|bienio)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex YearsBeforeWord();

    // Years only, from one to another: "from 2023 to 2025", "de 2023 à 2025", "de 2023 a 2026", "с 2023 по 2025 год", "من 2023 إلى 2025", "2023年至2025年".
    [GeneratedRegex(@"(?:\b(?:from|de|desde|с|من)\s+)(?<start>[0-9]{4})\s+(?:to|à|a|al|hasta|по|до|إلى|الى)\s+(?<end>[0-9]{4})(?![0-9])|(?<start>[0-9]{4})\s*年\s*(?:至|到)\s*(?<end>[0-9]{4})\s*年", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex FromYearToYear();

    [GeneratedRegex(@"(?<![0-9])(?<start>[0-9]{4})\s*[-–—]\s*(?<end>[0-9]{4})\s*(?:годы|годов|гг\.|years)(?!\w)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex BareYears();

    [GeneratedRegex(@"(?:\bза|\bfor\s+the\s+year|\bpour\s+l['’]année|\bpara\s+el\s+año)\s+(?<year>[0-9]{4})\s*(?:год\w*|г\.)?(?![0-9]|\s*[-–—]\s*[0-9])", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex SingleYear();

    [GeneratedRegex(@"report|cover|period|review|rapport|couvr|période|porte sur|informe|abarca|período|examina|доклад|охватыва|период|تقرير|يغطي|الفترة|报告|期间|涵盖", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex CoverageWord();
}
