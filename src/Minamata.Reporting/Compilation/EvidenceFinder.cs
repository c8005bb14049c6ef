using System.Text;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Compilation;

/// <summary>A sentence with what evidence finding needs of it, worked out once for all paragraphs.</summary>
public sealed record AnalysedSentence(Sentence Sentence, IReadOnlyList<string> Organizations, string Folded)
{
    private string[]? words;
    private (string Author, int Score)? own;

    /// <summary>The folded words, for looking words up rather than searching for each.</summary>
    public IReadOnlyList<string> Words => words ??= Folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the sentence says what <paramref name="author"/> did (<see cref="OwnActivity.Score"/>), worked out once for all paragraphs.</summary>
    public int OwnActivityOf(string author)
    {
        if (own is not { } known || known.Author != author)
        {
            own = known = (author, OwnActivity.Default.Score(this, author));
        }

        return known.Score;
    }

    public static AnalysedSentence Of(Sentence sentence) => new(sentence, OrganizationFinder.Default.Find(sentence.Text), EvidenceFinder.Fold(sentence.Text));
}

/// <summary>
/// Which sentences of a report bear on a paragraph of the decision: those naming one of the
/// paragraph's organisations or using one of its terms or patterns. A sentence saying what the
/// report's author itself did (<see cref="OwnActivity"/>) comes first, then the one with the most
/// distinct hits; a sentence about the report itself is left out, and a report none of whose
/// sentences says that something was done under the paragraph does not bear on it. At most three
/// are kept, and quoted in that order.
/// </summary>
public static class EvidenceFinder
{
    public const int MaxQuotes = 3;

    public static IReadOnlyList<Sentence> Find(MandateParagraph paragraph, IReadOnlyList<Sentence> sentences, string author) =>
        Find(paragraph, sentences.Select(AnalysedSentence.Of).ToList(), author);

    public static IReadOnlyList<Sentence> Find(MandateParagraph paragraph, IReadOnlyList<AnalysedSentence> sentences, string author)
    {
        if (paragraph.Organizations.Count == 0 && paragraph.Terms.Count == 0 && paragraph.Patterns.Count == 0)
        {
            return [];
        }

        var found = sentences
            .Select(sentence => (Analysed: sentence, Hits: Hits(paragraph, sentence)))
            .Where(s => s.Hits > 0)
            // Scored only where the paragraph is named: most sentences are not, and scoring is the dearer test.
            .Select(s => (s.Analysed.Sentence, s.Hits, Own: s.Analysed.OwnActivityOf(author)))
            // A sentence about the report itself ("This report is submitted by...") is no evidence of what was done.
            .Where(s => s.Own >= 0)
            .ToList();
        // A report bears on the paragraph when it says that someone did something under it, not
        // when it only names the paragraph's subject.
        if (!found.Any(s => s.Own > 0))
        {
            return [];
        }

        return found
            .OrderByDescending(s => s.Own)
            .ThenByDescending(s => s.Hits)
            .ThenBy(s => s.Sentence.Position)
            .Take(MaxQuotes)
            .Select(s => s.Sentence)
            .ToList();
    }

    /// <summary>Case and accents folded word by word, so "Coopération" matches "cooperation".</summary>
    internal static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var word in PositionedWord.Split(text))
        {
            folded.Append(WordStems.Fold(word.Text)).Append(' ');
        }

        return folded.ToString();
    }

    private static int Hits(MandateParagraph paragraph, AnalysedSentence sentence)
    {
        var organizations = sentence.Organizations.Count(paragraph.Organizations.Contains);
        // Chinese is not split into words, so its terms are looked for as written.
        var terms = paragraph.FoldedTerms.Count(t => t.Any(Scripts.IsHan) ? sentence.Sentence.Text.Contains(t, StringComparison.Ordinal) : sentence.Folded.Contains(t, StringComparison.Ordinal));
        var patterns = paragraph.CompiledPatterns.Count(p => p.IsMatch(sentence.Sentence.Text));
        return organizations + terms + patterns;
    }
}
