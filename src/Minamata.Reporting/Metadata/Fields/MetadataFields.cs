using Minamata.Reporting.Documents;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>The metadata fields read from a document's text, each by its own finder.</summary>
internal sealed record MetadataFields(
    string? Language,
    string? Symbol,
    string? Meeting,
    string? Title,
    string? DocumentDate,
    ReportingPeriod? ReportingPeriod,
    IReadOnlyList<string> ReferencedDocuments,
    IReadOnlyList<string> ConventionArticles,
    IReadOnlyList<string> Organizations)
{
    /// <summary>Lists are capped so that one record always fits an index row.</summary>
    private const int MaxListItems = 300;

    public static MetadataFields Read(DocumentText document)
    {
        var text = ReportText.Normalise(document.Text);
        var cover = CoverPage.Read(text);
        var symbols = SymbolFinder.Find(text);
        var own = symbols.FirstOrDefault(s => s.Index < cover.CoverEndOffset)?.Symbol;
        var referenced = symbols.Select(s => s.Symbol).Where(s => s != own).Distinct().Order(StringComparer.Ordinal).Take(MaxListItems).ToList();
        var dates = DateScanner.Scan(text);

        return new MetadataFields(
            LanguageDetector.Detect(text),
            own,
            MeetingResolver.Resolve(own, referenced),
            cover.Title() ?? document.Hints.Title,
            dates.FirstOrDefault(d => d.Index < cover.CoverEndOffset && d.Day is not null && !EndsADayRange(text, d))?.ToDate(),
            ReportingPeriodFinder.Find(text, dates),
            referenced,
            ConventionArticleFinder.Find(text).Take(MaxListItems).ToList(),
            OrganizationFinder.Default.Find(WithoutSymbols(text, symbols)));
    }

    /// <summary>"3–7 November 2025" is a meeting's dates, not the document's.</summary>
    private static bool EndsADayRange(string text, DateMention date)
    {
        var before = text.AsSpan(0, date.Index).TrimEnd();
        return before.Length >= 2 && before[^1] is '-' or '–' or '—' && char.IsAsciiDigit(before.TrimEnd("-–—").TrimEnd()[^1]);
    }

    /// <summary>Symbols name bodies ("UNEP/MC/...") without naming the organisation; blank them before looking for names.</summary>
    private static string WithoutSymbols(string text, IEnumerable<SymbolMention> symbols)
    {
        var chars = text.ToCharArray();
        foreach (var symbol in symbols)
        {
            chars.AsSpan(symbol.Index, symbol.Length).Fill(' ');
        }

        return new string(chars);
    }
}
