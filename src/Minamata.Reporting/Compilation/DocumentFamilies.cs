using System.Globalization;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// One document as the note counts it: every language version of one symbol, and every revision,
/// corrigendum and addendum of the same base symbol (<c>UNEP/MC/COP.7/INF/8</c>, <c>.../INF/8/Rev.1</c>,
/// <c>.../INF/8/Corr.1</c>), from one partner. The latest revision is quoted, in English where it
/// was received in English, else in its original (the version received first); corrigenda and
/// addenda are cited with it, as UN documents cite "UNEP/MC/COP.7/INF/12 and Corr.1".
/// </summary>
public sealed record DocumentFamily(string Partner, ReportWithText Quoted, IReadOnlyList<ReportWithText> Members, IReadOnlyList<string> Amendments)
{
    /// <summary>The family's other languages: "French" for "also in French".</summary>
    public IReadOnlyList<string> AlsoIn =>
        [.. Members.Select(r => r.Report.Metadata?.Language).OfType<string>().Distinct().Where(l => l != Quoted.Report.Metadata?.Language).Order(StringComparer.Ordinal).Select(ReportCompiler.LanguageName)];

    /// <summary>When the family first reached the secretariat: what makes a partner late or not.</summary>
    public DateTimeOffset FirstReceived => Members.Min(r => r.Report.ReceivedAt);
}

public static partial class DocumentFamilies
{
    /// <summary>
    /// The reports grouped into documents, in the order of their partner (those naming none last),
    /// then of their first arrival. A report with no symbol is a document of its own.
    /// </summary>
    public static IReadOnlyList<DocumentFamily> Group(IEnumerable<ReportWithText> reports) =>
        [.. reports
            .Select(r => (Report: r, Version: Version.Of(ReportCompiler.Source(r.Report))))
            .GroupBy(m => (m.Report.Report.Partner, Key: m.Version.Base ?? "report:" + m.Report.Report.Id))
            .Select(g => Family(g.Key.Partner, g))
            .OrderBy(f => f.Partner == Organization.Unattributed)
            .ThenBy(f => f.Partner, StringComparer.Ordinal)
            .ThenBy(f => f.FirstReceived)
            .ThenBy(f => f.Quoted.Report.Id, StringComparer.Ordinal)];

    private static DocumentFamily Family(string partner, IEnumerable<(ReportWithText Report, Version Version)> group)
    {
        var members = group
            .OrderBy(m => m.Report.Report.ReceivedAt)
            .ThenBy(m => m.Report.Report.Id, StringComparer.Ordinal)
            .ToList();
        // A corrigendum or addendum is a page of changes, not the report: the text quoted is the
        // latest revision's, unless the family has nothing else.
        var texts = members.Where(m => !m.Version.IsAmendment).ToList() is { Count: > 0 } whole ? whole : members;
        var latest = texts.Max(m => m.Version.Rev);
        var candidates = texts.Where(m => m.Version.Rev == latest).Select(m => m.Report).ToList();
        var quoted = candidates.FirstOrDefault(r => r.Report.Metadata?.Language == "en") ?? candidates[0];
        var amendments = members
            .Where(m => m.Version.IsAmendment && m.Version.Rev == latest && !ReferenceEquals(m.Report, quoted))
            .Select(m => m.Version.Amendment)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DocumentFamily(partner, quoted, [.. members.Select(m => m.Report)], amendments);
    }

    /// <summary>The symbol without its revision, corrigendum and addendum parts; null for what is not a document symbol (a file name).</summary>
    public static string? BaseSymbol(string source) => Version.Of(source).Base;

    /// <summary>Where a version stands: its family's base symbol (null for a file name), its revision, and the corrigendum or addendum it is, if one.</summary>
    private readonly record struct Version(string? Base, int Rev, string Amendment)
    {
        public bool IsAmendment => Amendment.Length > 0;

        public static Version Of(string source)
        {
            var match = Parts().Match(source);
            if (!match.Success)
            {
                return new Version(null, 0, "");
            }

            var rev = match.Groups["rev"].Success ? int.Parse(match.Groups["rev"].Value, CultureInfo.InvariantCulture) : 0;
            return new Version(match.Groups["base"].Value, rev, match.Groups["amendment"].Value);
        }
    }

    // A UN symbol has at least two parts separated by '/': "UNEP/MC/COP.7/INF/8/Rev.1/Corr.1".
    [GeneratedRegex(@"^(?<base>[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+?)+?)(?:/Rev\.(?<rev>\d{1,3}))?(?:/(?<amendment>(?:Corr|Add)\.\d{1,3}(?:/Corr\.\d{1,3})?))?\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Parts();
}
