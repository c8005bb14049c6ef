using System.Globalization;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Compilation;

/// <summary>The note's own sentences, drafted from the data once for every format, in the secretariat's style.</summary>
public static class ReportPhrases
{
    private static readonly string[] NumberWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>The paragraph the officer completes; the brackets mark what is still to be written.</summary>
    public const string SuggestedAction =
        "The Conference of the Parties may wish to take note of the information provided in the present note and in the documents listed in annex II, " +
        "and [the secretariat to complete: the action proposed, for example to request the secretariat to continue its cooperation with the organizations named in the present note and to report thereon to the Conference of the Parties at its next meeting].";

    /// <summary>A paragraph's mandate as the note recalls it: "In paragraph 6 of decision MC-6/__, the Conference of the Parties requests ...".</summary>
    public static string Mandate(DecisionMandate decision, MandateParagraph paragraph) =>
        $"In paragraph {paragraph.Number} of decision {decision.DecisionForTitle}, the Conference of the Parties {char.ToLowerInvariant(paragraph.Mandate[0])}{paragraph.Mandate[1..]}";

    public static string Coverage(Introduction intro) =>
        $"The present note is based on {Count(intro.DocumentCount, "document")}" +
        (intro.ReportCount != intro.DocumentCount ? $" ({Count(intro.ReportCount, "file")}, counting language versions and revisions)" : "") +
        $" submitted by {Count(intro.OrganizationCount, "organization")} and received by {intro.InformationAsOf}" +
        (intro.PeriodCovered is { } period ? $", covering the period from {Period(period)}." : ".") +
        " Where a document was received in more than one language, its English version is quoted; otherwise quotations are given in the language of the document." +
        " The documents are listed in annex II.";

    /// <summary>Who was expected and did not report; null when the cycle expected nobody in particular.</summary>
    public static string? Expected(Introduction intro) => intro.ExpectedCount == 0 ? null
        : intro.Missing.Count == 0 ? $"All {Count(intro.ExpectedCount, "organization")} invited to report did so."
        : $"Of the {Count(intro.ExpectedCount, "organization")} invited to report, {List(intro.Missing.Select(o => OrganizationNames.InProse(o.Name, o.Partner)))} had not submitted a report by {intro.InformationAsOf}.";

    public static string Structure(string decision, bool withPrevious) =>
        $"Section II summarizes, for each paragraph of decision {decision} on which organizations report, what they reported, quoting the passages concerned; " +
        (withPrevious ? "section III compares the organizations that reported with those that reported to the previous meeting; " : "") +
        "annex I shows at a glance which organization reported on which paragraph.";

    /// <summary>
    /// The paragraph's drafted summary: "Seven organizations reported on activities under paragraph 6:
    /// WHO (UNEP/MC/COP.7/INF/8), ..."; and said plainly when no document bears on it.
    /// </summary>
    public static string Summary(int paragraph, IReadOnlyList<Evidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return $"No organization reported on activities under paragraph {paragraph} in the documents received for the present note.";
        }

        var organizations = evidence.Where(e => e.Partner != Organization.Unattributed).GroupBy(e => e.Partner)
            .Select(g => $"{g.Key} ({string.Join("; ", g.Select(e => Cited(e.Source, e.Amendments)))})").ToList();
        var unattributed = evidence.Where(e => e.Partner == Organization.Unattributed).Select(e => Cited(e.Source, e.Amendments)).ToList();
        var also = unattributed.Count == 0 ? "" : $" {(organizations.Count == 0 ? "It is" : "It is also")} addressed in {List(unattributed)}, which {(unattributed.Count == 1 ? "does" : "do")} not name the organization submitting {(unattributed.Count == 1 ? "it" : "them")}.";
        if (organizations.Count == 0)
        {
            return $"No named organization reported on activities under paragraph {paragraph}.{also}";
        }

        var who = Count(organizations.Count, "organization");
        var lead = organizations.Count <= 10 ? char.ToUpperInvariant(who[0]) + who[1..] : $"In all, {who}";
        return $"{lead} reported on activities under paragraph {paragraph}: {List(organizations)}.{also}";
    }

    /// <summary>
    /// The line before a document's quotations: "The World Health Organization (WHO) reported in
    /// UNEP/MC/COP.7/INF/8/Rev.1 (English; also in French):"; a document naming no organisation is named itself.
    /// </summary>
    public static string EvidenceLine(Evidence evidence) => evidence.Partner == Organization.Unattributed
        ? $"{Cited(evidence.Source, evidence.Amendments)} ({evidence.LanguageName}{AlsoIn(evidence.AlsoIn)}), which does not name the organization submitting it, reads:"
        : $"{OrganizationNames.InProseFirst(evidence.PartnerName, evidence.Partner)} reported in {Cited(evidence.Source, evidence.Amendments)} ({evidence.LanguageName}{AlsoIn(evidence.AlsoIn)}):";

    /// <summary>A document with its corrigenda and addenda, as UN documents cite it: "UNEP/MC/COP.7/INF/12 and Corr.1".</summary>
    public static string Cited(string source, IReadOnlyList<string> amendments) => amendments.Count == 0 ? source : List([source, .. amendments]);

    /// <summary>"; also in French and Spanish", or nothing.</summary>
    public static string AlsoIn(IReadOnlyList<string> languages) => languages.Count == 0 ? "" : $"; also in {List(languages)}";

    public static IEnumerable<string> Comparison(PreviousMeeting previous)
    {
        string Named(IEnumerable<Organization> organizations) => List(organizations.Select(o => OrganizationNames.InProse(o.Name, o.Partner)));
        yield return previous.ReportedThen.Count == 0
            ? $"No organization's report to {previous.Meeting} is held by the secretariat's index."
            : $"To {previous.Meeting}, {Count(previous.ReportedThen.Count, "organization")} reported: {Named(previous.ReportedThen)}.";
        if (previous.ReportedThen.Count == 0)
        {
            yield break;
        }

        yield return previous.ThenNotNow.Count == 0
            ? $"Every organization that reported to {previous.Meeting} has reported to the present meeting."
            : $"{Capitalised(Named(previous.ThenNotNow))} reported to {previous.Meeting} but not to the present meeting.";
        if (previous.NowNotThen.Count > 0)
        {
            yield return $"{Capitalised(Named(previous.NowNotThen))} reported to the present meeting but not to {previous.Meeting}.";
        }
    }

    public static string Period(ReportingPeriod? period) => period is null ? "" : $"{Month(period.Start)} to {Month(period.End)}";

    public static string DecisionForTitle(string decision) => decision.Replace("[--]", "__", StringComparison.Ordinal);

    /// <summary>"seven organizations", "one document", "12 files": numbers up to ten in words, as UN editors write them.</summary>
    public static string Count(int count, string noun) =>
        $"{(count < NumberWords.Length ? NumberWords[count] : count.ToString(CultureInfo.InvariantCulture))} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"2023-12" as "December 2023".</summary>
    private static string Month(string yearMonth) =>
        DateTime.TryParseExact(yearMonth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : yearMonth;
}
