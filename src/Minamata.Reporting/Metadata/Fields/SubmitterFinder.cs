using System.Text.RegularExpressions;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// The organisation that submitted a report, as the report says it: "a report submitted by the
/// International Labour Organization", "Report of the Global Environment Facility", "Rapport de
/// l'Organisation mondiale de la Santé", "доклад, представленный ...", "تقرير مقدم من ...",
/// "世界卫生组织提交的报告", "本报告由…提交", or a partner's letterhead. What the cover says comes first, then the
/// letterhead, then the running headers, then the first such sentence of the body.
/// </summary>
internal static partial class SubmitterFinder
{
    /// <summary>How far after the end of "submitted by" (or before "提交的") the organisation's name may start.</summary>
    private const int MaxGap = 40;

    /// <param name="mentions">The organisations named in <paramref name="text"/>, as <see cref="OrganizationFinder.FindMentions"/> finds them.</param>
    public static (string Id, string Source)? Find(string text, List<OrganizationMention> mentions, CoverPage cover, string runningText, bool hasUnCover)
    {
        if (Named(text, mentions, Titled(), 0, cover.CoverEndOffset) is { } onCover)
        {
            return (onCover, MetadataSources.Cover);
        }

        if (!hasUnCover && LinesAndPairs(cover.Lines.Take(cover.BodyStart).ToList()).Select(Letterhead).FirstOrDefault(id => id is not null) is { } letterhead)
        {
            return (letterhead, MetadataSources.Cover);
        }

        if (runningText.Split('\n').Select(Letterhead).FirstOrDefault(id => id is not null) is { } header)
        {
            return (header, MetadataSources.Header);
        }

        return Named(text, mentions, Submitted(), cover.CoverEndOffset, text.Length) is { } inBody ? (inBody, MetadataSources.Body) : null;
    }

    /// <summary>Each line, then it joined with the next: a letterhead's name may be set over two lines ("United Nations" / "Environment Programme").</summary>
    private static IEnumerable<string> LinesAndPairs(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            yield return lines[i];
            if (i + 1 < lines.Count)
            {
                yield return lines[i] + " " + lines[i + 1];
            }
        }
    }

    /// <summary>The organisation a letterhead line names (an office's line names none by itself).</summary>
    private static string? Letterhead(string line) =>
        CoverPage.IsLetterhead(line) && OrganizationFinder.Default.FindMentions(line) is [var first, ..] ? first.Id : null;

    /// <summary>The organisation that the first phrase of <paramref name="phrase"/> in the range names.</summary>
    private static string? Named(string text, List<OrganizationMention> mentions, Regex phrase, int from, int to)
    {
        to = Math.Min(to, text.Length);
        foreach (Match match in phrase.Matches(text[..to], Math.Min(from, to)))
        {
            var named = match.Groups["after"].Success
                ? mentions.FirstOrDefault(m => m.Start >= match.Index + match.Length && m.Start <= match.Index + match.Length + MaxGap
                    && Gap().IsMatch(text.AsSpan(match.Index + match.Length, m.Start - match.Index - match.Length)))
                : mentions.LastOrDefault(m => m.End <= match.Index && m.End >= match.Index - 2);
            if (named is not null)
            {
                return named.Id;
            }
        }

        return null;
    }

    // Titles and cover lines: "Report of the X", "Rapport de l'X", "Informe de la X", "Доклад X",
    // "تقرير X", "Information provided by X", "X的报告", "X提交的", "X向缔约方大会提交的", "本报告由X提交".
    [GeneratedRegex(@"(?:(?:^|\n)\s*(?:report|contribution|information|submission|rapport|contribution|informe|contribución|доклад\w*|информация|تقرير|مساهمة)(?:\s+(?:of|from|by|de|du|des|del|de\s+la|de\s+los|de\s+las)\b)?\s*(?:the\s+|l['’]|la\s+|le\s+|los\s+|las\s+|el\s+)?|(?:submitted|prepared|presented|provided|présentée?|soumise?|établie?|fournie?s?|presentad[oa]|preparad[oa]|facilitad[oa]|представленн\w*|подготовленн\w*)\s+(?:by|par|por)?\s*(?:the\s+|l['’]|la\s+|le\s+|el\s+)?|مقدم[\u064B-\u065Fاة]*\s+من\s+|أعد(?:ه|ته|ها)\s+|(?:本报告|本文件|本资料)由)(?<after>)|向[^。\n]{1,60}?(?:提交|提供)的|(?:提交|编写|编制|提供)?的?(?:报告|资料|信息)", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Titled();

    // In the body only an explicit phrase counts: "submitted by", "présenté par", "представленный",
    // "مقدم من", "提交的", "向…提交的", "本报告由".
    [GeneratedRegex(@"(?:submitted|prepared|provided|présentée?|soumise?|établie?|presentad[oa]|preparad[oa]|elaborad[oa]|представленн\w*|подготовленн\w*)(?:\s+(?:jointly|conjointement|conjuntamente|совместно))?\s+(?:by|par|por)?\s*(?:the\s+|l['’]|la\s+|le\s+|el\s+)?(?<after>)|مقدم[\u064B-\u065Fاة]*\s+من\s+(?<after>)|(?:本报告|本文件|本资料)由(?<after>)|向[^。\n]{1,60}?(?:提交|提供)的|(?:提交|编写|编制)的", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Submitted();

    // Between the phrase and the name: nothing but spaces, commas, articles and "the secretariat of".
    [GeneratedRegex(@"^[\s,،'’]*(?:(?:jointly|conjointement|conjuntamente|совместно)\s+)?(?:(?:the|la|le|el|los|las|l['’])\s*)?(?:(?:joint\s+)?secretariats?\s+of\s+(?:the\s+)?|secr[ée]tariat\s+(?:du|de\s+la|des|de\s+l['’])\s*|secretar[ií]a\s+(?:del?|de\s+la|de\s+los)\s+|секретариат\w*\s+|أمانة\s+)?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex Gap();
}
