using System.Text.Json.Nodes;

namespace Minamata.Fixtures;

/// <summary>
/// The folders of partner reports for an offline compilation (<c>Compilation/</c>): COP-7's and the
/// previous meeting's, the files lying in one folder with nothing but their text to say who sent
/// them, and what a reader of each file found in it (<c>expected.json</c>), written before the
/// compiler was run on them.
/// </summary>
public sealed class CompilationCorpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Compilation");

    private readonly JsonObject expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!.AsObject();

    public static string Cop7 => Path.Combine(Folder, "cop7");

    public static string Cop6 => Path.Combine(Folder, "cop6");

    /// <summary>COP-7's files, by file name.</summary>
    public IReadOnlyDictionary<string, ExpectedReport> Cop7Reports => Reports("cop7");

    public IReadOnlyDictionary<string, ExpectedReport> Cop6Reports => Reports("cop6");

    /// <summary>The organisations invited to report to COP-7: all that did, and one that did not.</summary>
    public IReadOnlyList<string> ExpectedPartners => Strings(expected["expectedPartners"]!);

    public IReadOnlyList<string> ReportedToCop6NotCop7 => Strings(expected["reportedToCop6NotCop7"]!);

    public IReadOnlyList<string> ReportedToCop7NotCop6 => Strings(expected["reportedToCop7NotCop6"]!);

    private Dictionary<string, ExpectedReport> Reports(string meeting) =>
        expected[meeting]!.AsObject().ToDictionary(
            file => file.Key,
            file => new ExpectedReport(
                file.Value!["submittedBy"]!.GetValue<string>(),
                file.Value["symbol"]?.GetValue<string>(),
                file.Value["language"]!.GetValue<string>(),
                file.Value["family"]?.GetValue<string>(),
                [.. file.Value["paragraphs"]!.AsArray().Select(p => p!.GetValue<int>())],
                file.Value["onlyHere"] is JsonArray only ? Strings(only) : []));

    private static List<string> Strings(JsonNode array) => [.. array.AsArray().Select(v => v!.GetValue<string>())];
}

/// <summary>What a reader found in one file: who submitted it, its symbol, language and family, the decision's paragraphs it reports on, and the sentences no other version of its family has.</summary>
public sealed record ExpectedReport(string SubmittedBy, string? Symbol, string Language, string? Family, IReadOnlyList<int> Paragraphs, IReadOnlyList<string> OnlyHere);
