using Minamata.Reporting.Documents;

namespace Minamata.Reporting.Metadata.Fields;

/// <summary>
/// Reads the metadata record from a document's text, each field by its own finder. The fields a
/// document states about itself (symbol, title, date, submitter) are read from its cover or
/// letterhead first, then its running headers, then its document properties; never a symbol or a
/// date that its body merely cites.
/// </summary>
internal static class MetadataFields
{
    /// <summary>Lists are capped so that one record always fits an index row.</summary>
    private const int MaxListItems = 300;

    /// <summary>A symbol's share of its line's characters for the line to be the symbol's own (not a sentence citing it).</summary>
    private const double SymbolLineShare = 0.6;

    public static ReportMetadata Read(DocumentText document, string file, string sha256)
    {
        var text = TextNormaliser.Normalise(document.Text);
        var running = TextNormaliser.Normalise(document.RunningText);
        var cover = CoverPage.Read(text);
        var symbols = SymbolFinder.Find(text);
        var runningSymbols = SymbolFinder.Find(running);
        var (own, symbolSource) = OwnSymbol(text, cover, symbols, runningSymbols);
        var referenced = symbols.Select(s => s.Symbol).Where(s => s != own).Distinct().Order(StringComparer.Ordinal).Take(MaxListItems).ToList();
        var dates = DateScanner.Scan(text);
        var (title, titleSource) = cover.Title() is { } printed ? (printed, MetadataSources.Cover)
            : PropertiesTitle.Plausible(document.Hints.Title) is { } property ? (property, MetadataSources.Properties)
            : default;
        var (date, dateSource) = DocumentDate(text, cover, dates, running);
        var period = ReportingPeriodFinder.Find(text, dates, date);
        var withoutSymbols = WithoutSymbols(text, symbols);
        var mentions = OrganizationFinder.Default.FindMentions(withoutSymbols);
        var submitter = SubmitterFinder.Find(withoutSymbols, mentions, cover, running, hasUnCover: own is not null && symbolSource == MetadataSources.Cover);

        return new ReportMetadata
        {
            File = file,
            Format = document.Format,
            Sha256 = sha256,
            Language = LanguageDetector.Detect(text),
            Symbol = own,
            Meeting = MeetingResolver.Resolve(own, referenced),
            Title = title,
            DocumentDate = date,
            ReportingPeriod = period?.Period,
            ReferencedDocuments = referenced,
            ConventionArticles = ConventionArticleFinder.Find(text).Take(MaxListItems).ToList(),
            Organizations = [.. mentions.Concat(OrganizationFinder.Default.FindMentions(WithoutSymbols(running, runningSymbols))).Select(m => m.Id).Distinct().Order(StringComparer.Ordinal)],
            SubmittedBy = submitter?.Id,
            WordCount = WordCounter.Count(document.Text),
            Sources = new MetadataSources
            {
                Title = titleSource,
                Symbol = symbolSource,
                DocumentDate = dateSource,
                ReportingPeriod = period is not { } found ? null : found.Index < cover.CoverEndOffset ? MetadataSources.Cover : MetadataSources.Body,
                SubmittedBy = submitter?.Source,
            },
        };
    }

    /// <summary>
    /// The symbol the document is issued under: one standing on a line of its own on the cover,
    /// else one in a running header. A symbol inside a sentence is a citation, wherever it stands.
    /// </summary>
    private static (string? Symbol, string? Source) OwnSymbol(string text, CoverPage cover, List<SymbolMention> symbols, List<SymbolMention> runningSymbols)
    {
        foreach (var symbol in symbols.Where(s => s.Index < cover.CoverEndOffset))
        {
            var lineStart = text.LastIndexOf('\n', symbol.Index) + 1;
            var lineEnd = text.IndexOf('\n', symbol.Index) is var end and >= 0 ? end : text.Length;
            if (symbol.Length >= SymbolLineShare * text.AsSpan(lineStart, lineEnd - lineStart).Trim().Length)
            {
                return (symbol.Symbol, MetadataSources.Cover);
            }
        }

        return runningSymbols.FirstOrDefault() is { } header ? (header.Symbol, MetadataSources.Header) : default;
    }

    /// <summary>The date on the cover or atop the letter (not a meeting's dates nor a period's ends), else one in a running header.</summary>
    private static (string? Date, string? Source) DocumentDate(string text, CoverPage cover, List<DateMention> dates, string running)
    {
        var inRanges = ReportingPeriodFinder.RangeEnds(text, dates);
        if (dates.FirstOrDefault(d => d.Index < cover.CoverEndOffset && d.Day is not null && !EndsADayRange(text, d) && !inRanges.Contains(d)) is { } onCover)
        {
            return (onCover.ToDate(), MetadataSources.Cover);
        }

        return DateScanner.Scan(running).FirstOrDefault(d => d.Day is not null && !EndsADayRange(running, d)) is { } inHeader
            ? (inHeader.ToDate(), MetadataSources.Header)
            : default;
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
