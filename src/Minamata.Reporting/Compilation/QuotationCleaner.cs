using System.Text;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// A sentence of a partner's report as the compiled note quotes it: the words without the
/// typesetting the export left in them. Footnote markers (glued digits, [n], superscripts), heading
/// numbers before the sentence (<c>[1] III.</c>, <c>2.3</c>, <c>B.</c>), bullets, words wrapped
/// with a hyphen at a line end, ligatures, soft hyphens, zero-width and private-use characters,
/// and spaces where the text has none (before a full stop, inside brackets, between Chinese
/// characters). Numbers that belong to the text (articles, years, symbols, decimals) stay.
/// </summary>
public static partial class QuotationCleaner
{
    private static readonly (string From, string To)[] Ligatures = [("ﬀ", "ff"), ("ﬁ", "fi"), ("ﬂ", "fl"), ("ﬃ", "ffi"), ("ﬄ", "ffl"), ("ﬅ", "st"), ("ﬆ", "st")];

    // Words that follow a hyphen that is not a line-end break: "small- and medium-sized".
    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "and", "or", "to", "et", "ou", "y", "o", "und", "oder", "и", "или" };

    public static string Clean(string sentence)
    {
        var text = new StringBuilder(sentence);
        foreach (var (from, to) in Ligatures)
        {
            text.Replace(from, to);
        }

        var cleaned = Invisible().Replace(text.ToString(), "");
        cleaned = WithoutFootnoteMarkers(cleaned.Replace('\u00A0', ' ').Replace('\t', ' '));
        cleaned = Wrapped().Replace(cleaned, m => Conjunctions.Contains(m.Groups["next"].Value) ? m.Value : m.Groups["start"].Value + m.Groups["next"].Value);
        cleaned = WithoutLeadingMarks(Spaces().Replace(cleaned, " ").Trim());
        cleaned = SpaceBeforeClosing().Replace(cleaned, "");
        cleaned = SpaceAfterOpening().Replace(cleaned, "");
        return SpaceBesideHan().Replace(cleaned, "");
    }

    /// <summary>
    /// What stands before a sentence's first word (bullets, heading and paragraph numbers) gone: for
    /// a sentence split from a paragraph that <see cref="Clean"/> has cleaned as a whole.
    /// </summary>
    public static string WithoutLeadingMarks(string sentence)
    {
        for (var before = ""; before != sentence;)
        {
            before = sentence;
            sentence = Leading().Replace(sentence, "");
        }

        return sentence;
    }

    /// <summary>The text without footnote markers: superscript digits, [4] and Markdown's [^4], digits glued to a word or to the punctuation after it.</summary>
    private static string WithoutFootnoteMarkers(string text)
    {
        var cleaned = Superscripts().Replace(text, "");
        cleaned = BracketedMarker().Replace(cleaned, "");
        cleaned = GluedToWord().Replace(cleaned, "");
        return GluedToPunctuation().Replace(cleaned, "");
    }

    // Soft hyphens, zero-width spaces and joiners used as breaks, byte-order marks, and private-use
    // characters (the Symbol font's bullets that Word exports as U+F0B7).
    [GeneratedRegex(@"[\u00AD\u200B\u2060\uFEFF\p{Co}]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Superscripts();

    [GeneratedRegex(@"\s?\[(?:\d{1,3}|\^[^\]\s]{1,12})\]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex BracketedMarker();

    // "plans3 in": a marker glued to a lower-case word (never to an acronym or a symbol such as COP7).
    [GeneratedRegex(@"(?<=\p{Ll}{2})\p{Nd}{1,2}(?=[\s,;:.]|$)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex GluedToWord();

    // "Partnership.2", "adopted,12 and", "计划。3": a marker after the punctuation that ends a word
    // or a sentence (never "COP.6/INF" or "3.5", where a digit or a slash is beside it).
    [GeneratedRegex(@"(?<=\p{L}[.,;:)”’""]|[。．！？；])\p{Nd}{1,3}(?=\s|$)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex GluedToPunctuation();

    [GeneratedRegex(@"(?<start>\p{Ll}+)- (?<next>\p{Ll}+)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Spaces();

    // What stands before the sentence: a bullet, a footnote or heading marker, a section number
    // (III., B., 2.3), a paragraph number ("12. ", and "7." or "7、" right before Chinese text).
    [GeneratedRegex(@"^(?:[•▪●◦\-–*·]\s*|\[\d{1,3}\]\s*|(?:[IVXLC]{1,6}|[A-Z])\.\s+|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+|\d{1,3}\.\s+|\d{1,3}[.．、]\s*(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]))", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Leading();

    [GeneratedRegex(@"\s+(?=[.,)\]”’])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SpaceBeforeClosing();

    [GeneratedRegex(@"(?<=[(\[“‘])\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SpaceAfterOpening();

    // Chinese is written without spaces; an export's spaces beside a character are not the text's.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+|\s+(?=\p{IsCJKUnifiedIdeographs})", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SpaceBesideHan();
}
