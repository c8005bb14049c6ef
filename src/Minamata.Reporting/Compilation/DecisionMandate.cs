using System.Text.Json;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// A decision the secretariat reports on, read from a data file in <c>Compilation/Data</c>: each
/// paragraph's mandate in a sentence, and the organisations, terms and patterns that make a
/// sentence of a partner's report evidence for it.
/// </summary>
public sealed record DecisionMandate(
    string Id,
    string Decision,
    string Subject,
    string AdoptedAt,
    int ReportParagraph,
    IReadOnlyList<MandateParagraph> Paragraphs)
{
    public const string Default = "MC-6-cooperation";

    private const string ResourcePrefix = "Minamata.Reporting.Compilation.Data.decision-";

    /// <summary>The decision's symbol as a report title writes it: <c>MC-6/[--]</c> becomes <c>MC-6/__</c>.</summary>
    public string DecisionForTitle => ReportPhrases.DecisionForTitle(Decision);

    public static IReadOnlyList<string> Available =>
        typeof(DecisionMandate).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The decision with this id, or null if no data file describes it.</summary>
    public static DecisionMandate? Load(string id)
    {
        using var stream = typeof(DecisionMandate).Assembly.GetManifestResourceStream($"{ResourcePrefix}{id}.json");
        return stream is null ? null : JsonSerializer.Deserialize<DecisionMandate>(stream, ReportingJson.Options);
    }
}

public sealed record MandateParagraph(int Number, string Mandate, IReadOnlyList<string> Organizations, IReadOnlyList<string> Terms, IReadOnlyList<string> Patterns)
{
    private Regex[]? compiled;

    /// <summary>The paragraph's patterns, compiled once; they come from our own data file, with a timeout all the same.</summary>
    public IReadOnlyList<Regex> CompiledPatterns => compiled ??= Patterns
        .Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds)))
        .ToArray();
}
