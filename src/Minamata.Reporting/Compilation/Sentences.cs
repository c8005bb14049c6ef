using System.Text.RegularExpressions;
using Minamata.Reporting.Documents;

namespace Minamata.Reporting.Compilation;

/// <summary>A sentence of a report's text and the page it starts on.</summary>
public sealed record Sentence(string Text, int Page, int Position);

/// <summary>
/// Splits a report's text into whole sentences with their page numbers: pages at form feeds, paragraphs
/// at line ends (except where a PDF wrapped a line mid-sentence), sentences at the punctuation of
/// the six languages (. ! ? followed by a space, 。！？, ؟).
/// </summary>
public static partial class Sentences
{
    public const int MinLength = 40;
    public const int MaxLength = 700;

    public static IReadOnlyList<Sentence> Split(string text, int skipLines)
    {
        var sentences = new List<Sentence>();
        foreach (var (paragraph, page) in Paragraphs(text, skipLines))
        {
            // Cleaned before anything looks at it: evidence is found, and quoted, in the words alone;
            // and before it is split, since a footnote marker after a full stop ("Partnership.2 The")
            // hides the end of the sentence. A paragraph at a time: there are fewer than sentences.
            foreach (var part in Boundary().Split(QuotationCleaner.Clean(Numbering().Replace(paragraph, ""))))
            {
                var sentence = QuotationCleaner.WithoutLeadingMarks(part);
                // Only whole sentences are quoted: a heading run into the line after it ends with no full stop.
                if (sentence.Length is >= MinLength and <= MaxLength && Complete().IsMatch(sentence))
                {
                    sentences.Add(new Sentence(sentence, page, sentences.Count));
                }
            }
        }

        return sentences;
    }

    /// <summary>
    /// Lines joined into paragraphs, with the page each starts on. A line continues the previous one
    /// unless that one ended a sentence or was short (a heading), or was a numbered heading
    /// ("3. Inter-Organization Programme ...") followed by a capital, or this one starts a numbered paragraph.
    /// </summary>
    private static IEnumerable<(string Text, int Page)> Paragraphs(string text, int skipLines)
    {
        var page = 1;
        var line = 0;
        var current = new System.Text.StringBuilder();
        var currentPage = 1;
        var linesInCurrent = 0;
        foreach (var raw in text.Split('\n'))
        {
            page += raw.Count(c => c == DocumentText.PageMark);
            var trimmed = raw.Replace(DocumentText.PageMark, ' ').Trim();
            if (trimmed.Length == 0 || line++ < skipLines)
            {
                continue;
            }

            var previous = current.ToString();
            var heading = linesInCurrent == 1 && SectionNumber().IsMatch(previous) && char.IsUpper(trimmed[0]);
            var continues = previous.Length >= ShortLine && !EndsSentence().IsMatch(previous) && !Numbering().IsMatch(trimmed) && !heading;
            if (!continues && current.Length > 0)
            {
                yield return (previous, currentPage);
                current.Clear();
                linesInCurrent = 0;
            }

            linesInCurrent++;

            if (current.Length == 0)
            {
                currentPage = page;
            }
            else
            {
                current.Append(' ');
            }

            current.Append(trimmed);
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), currentPage);
        }
    }

    /// <summary>Shorter lines are headings or list items, not wrapped prose.</summary>
    private const int ShortLine = 60;

    [GeneratedRegex(@"[.!?:;。！？؟»”""]\s*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex EndsSentence();

    [GeneratedRegex(@"[.!?。！？؟…][""”’»)）]*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Complete();

    // After . ! ? when a space and a capital, digit or non-Latin letter follow; always after 。！？؟.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\p{Lo}0-9«""(])|(?<=[。！？؟])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:\d{1,3}\s*[.)\-–]\s+|\(?[a-z]\)\s+)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Numbering();

    // A heading's number: "3.", "2.1", "IV.", "B."
    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SectionNumber();
}
