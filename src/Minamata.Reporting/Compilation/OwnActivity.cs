using System.Text.Json;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// Whether a sentence says what the reporting organisation itself did: it names its author (by
/// the registry's names or words such as "we", "the Organization") and uses a verb of activity
/// ("organized", "a fourni", "провела", "举办"); and whether it only speaks of the report itself
/// ("This report is submitted by..."). Read from <c>Compilation/Data/own-activity.json</c>; evidence
/// finding ranks the first kind before sentences that only name a body of the decision, and the
/// last kind after them.
/// </summary>
public sealed class OwnActivity
{
    private const string Resource = "Minamata.Reporting.Compilation.Data.own-activity.json";

    public static OwnActivity Default { get; } = Load();

    private readonly WordList self;
    private readonly WordList actions;
    private readonly WordList aboutTheDocument;

    private OwnActivity(Data data)
    {
        self = new WordList(data.Self);
        actions = new WordList(data.Actions);
        aboutTheDocument = new WordList(data.AboutTheDocument);
    }

    /// <summary>
    /// 2 for a sentence naming its author doing something, 1 for one of the two, 0 for neither;
    /// below 0 for a sentence about the report itself, which says what the report is, not what was done.
    /// </summary>
    public int Score(AnalysedSentence sentence, string author) =>
        (sentence.Organizations.Contains(author) || self.In(sentence) ? 1 : 0) +
        (actions.In(sentence) ? 1 : 0) -
        (aboutTheDocument.In(sentence) ? 3 : 0);

    private static OwnActivity Load()
    {
        using var stream = typeof(OwnActivity).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing from the build.");
        return new OwnActivity(JsonSerializer.Deserialize(stream, ReportingJson.TypeInfo<Data>())!);
    }

    internal sealed record Data(Dictionary<string, string[]> Self, Dictionary<string, string[]> Actions, Dictionary<string, string[]> AboutTheDocument);

    /// <summary>
    /// Words and phrases of all six languages, looked up by the sentence's words rather than each
    /// searched for in the sentence: a compilation asks this of tens of thousands of sentences.
    /// </summary>
    private sealed class WordList
    {
        private readonly HashSet<string> words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> phrasesByFirstWord = new(StringComparer.Ordinal);

        // Chinese is not split into words, so its entries are looked for as written.
        private readonly List<string> chinese = [];

        public WordList(Dictionary<string, string[]> byLanguage)
        {
            foreach (var entry in byLanguage.Values.SelectMany(w => w))
            {
                if (entry.Any(Scripts.IsHan))
                {
                    chinese.Add(entry);
                    continue;
                }

                var folded = EvidenceFinder.Fold(entry);
                var parts = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 1)
                {
                    words.Add(parts[0]);
                }
                else if (parts.Length > 1)
                {
                    (phrasesByFirstWord.TryGetValue(parts[0], out var phrases) ? phrases : phrasesByFirstWord[parts[0]] = []).Add(folded);
                }
            }
        }

        public bool In(AnalysedSentence sentence)
        {
            foreach (var word in sentence.Words)
            {
                if (words.Contains(word) || (phrasesByFirstWord.TryGetValue(word, out var phrases) && phrases.Any(p => sentence.Folded.Contains(p, StringComparison.Ordinal))))
                {
                    return true;
                }
            }

            return sentence.Sentence.Text.Any(Scripts.IsHan) && chinese.Any(entry => sentence.Sentence.Text.Contains(entry, StringComparison.Ordinal));
        }
    }
}
