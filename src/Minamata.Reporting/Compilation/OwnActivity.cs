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

    private readonly string[] self;
    private readonly string[] actions;
    private readonly string[] aboutTheDocument;

    private OwnActivity(Data data)
    {
        static string[] All(Dictionary<string, string[]> byLanguage) => [.. byLanguage.Values.SelectMany(w => w).Select(Folded)];
        self = All(data.Self);
        actions = All(data.Actions);
        aboutTheDocument = All(data.AboutTheDocument);
    }

    /// <summary>
    /// 2 for a sentence naming its author doing something, 1 for one of the two, 0 for neither;
    /// below 0 for a sentence about the report itself, which says what the report is, not what was done.
    /// </summary>
    public int Score(AnalysedSentence sentence, string author) =>
        (sentence.Organizations.Contains(author) || self.Any(word => Contains(sentence, word)) ? 1 : 0) +
        (actions.Any(word => Contains(sentence, word)) ? 1 : 0) -
        (aboutTheDocument.Any(word => Contains(sentence, word)) ? 3 : 0);

    // Chinese is not split into words, so its words are looked for as written.
    private static string Folded(string word) => word.Any(Scripts.IsHan) ? word : EvidenceFinder.Fold(word);

    private static bool Contains(AnalysedSentence sentence, string word) =>
        word.Any(Scripts.IsHan) ? sentence.Sentence.Text.Contains(word, StringComparison.Ordinal) : sentence.Folded.Contains(word, StringComparison.Ordinal);

    private static OwnActivity Load()
    {
        using var stream = typeof(OwnActivity).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing from the build.");
        return new OwnActivity(JsonSerializer.Deserialize<Data>(stream, ReportingJson.Options)!);
    }

    private sealed record Data(Dictionary<string, string[]> Self, Dictionary<string, string[]> Actions, Dictionary<string, string[]> AboutTheDocument);
}
