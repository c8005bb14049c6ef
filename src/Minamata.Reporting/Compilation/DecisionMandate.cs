using System.Text.Json;
using System.Text.RegularExpressions;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// A decision the secretariat reports on, read from a data file: those built in are in
/// <c>Compilation/Data</c>; the command line also takes a file of one's own. Each paragraph's
/// mandate in a sentence, a short heading for its section, and the organisations, terms and
/// patterns that make a sentence of a partner's report evidence for it.
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

    /// <summary>The paragraphs partners report on: all but the one asking for the present report.</summary>
    public IEnumerable<MandateParagraph> ReportedOn => Paragraphs.Where(p => p.Number != ReportParagraph).OrderBy(p => p.Number);

    public static IReadOnlyList<string> Available =>
        typeof(DecisionMandate).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The built-in decision with this id, or null if no data file describes it.</summary>
    public static DecisionMandate? Load(string id)
    {
        using var stream = typeof(DecisionMandate).Assembly.GetManifestResourceStream($"{ResourcePrefix}{id}.json");
        return stream is null ? null : Read(stream);
    }

    /// <summary>A decision file, checked: <see cref="InvalidDataException"/> says what is wrong with it.</summary>
    public static DecisionMandate Read(Stream json)
    {
        DecisionMandate? decision;
        try
        {
            decision = JsonSerializer.Deserialize(json, ReportingJson.TypeInfo<DecisionMandate>());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a decision file: {e.Message}", e);
        }

        if (decision is null || string.IsNullOrWhiteSpace(decision.Id) || string.IsNullOrWhiteSpace(decision.Decision) || string.IsNullOrWhiteSpace(decision.Subject))
        {
            throw new InvalidDataException("a decision file needs 'id', 'decision', 'subject' and 'paragraphs'.");
        }

        if (decision.Paragraphs is not { Count: > 0 } paragraphs || paragraphs.Any(p => p is null || string.IsNullOrWhiteSpace(p.Mandate)))
        {
            throw new InvalidDataException("every paragraph of a decision file needs a 'number' and a 'mandate'.");
        }

        if (paragraphs.Select(p => p.Number).Distinct().Count() != paragraphs.Count || paragraphs.All(p => p.Number != decision.ReportParagraph))
        {
            throw new InvalidDataException("paragraph numbers must be unique, and 'reportParagraph' must be one of them.");
        }

        // A paragraph may leave out the lists it has nothing in.
        paragraphs = [.. paragraphs.Select(p => p with { Organizations = p.Organizations ?? [], Terms = p.Terms ?? [], Patterns = p.Patterns ?? [] })];
        foreach (var paragraph in paragraphs)
        {
            try
            {
                _ = paragraph.CompiledPatterns;
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"paragraph {paragraph.Number} has a pattern that is not a regular expression: {e.Message}", e);
            }
        }

        return decision with { Paragraphs = paragraphs };
    }
}

public sealed record MandateParagraph(
    int Number,
    string Mandate,
    IReadOnlyList<string> Organizations,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Patterns,
    string? Heading = null)
{
    private Regex[]? compiled;
    private string[]? foldedTerms;

    /// <summary>The section's heading: "Resolutions of the United Nations Environment Assembly (paragraph 1)", or "Paragraph 1" when the file gives none.</summary>
    public string SectionHeading => Heading is null ? $"Paragraph {Number}" : $"{Heading} (paragraph {Number})";

    /// <summary>The paragraph's terms as evidence finding matches them, folded once (Chinese as written: it has no words to fold).</summary>
    public IReadOnlyList<string> FoldedTerms => foldedTerms ??= [.. Terms.Select(t => t.Any(Scripts.IsHan) ? t : EvidenceFinder.Fold(t))];

    /// <summary>The paragraph's patterns, compiled once; they come from a data file, with a timeout all the same.</summary>
    public IReadOnlyList<Regex> CompiledPatterns => compiled ??= Patterns
        .Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds)))
        .ToArray();
}
