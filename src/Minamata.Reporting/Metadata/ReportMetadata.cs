using System.Text.Json.Serialization;

namespace Minamata.Reporting.Metadata;

/// <summary>The metadata record of <c>docs/metadata.md</c>, field for field.</summary>
public sealed record ReportMetadata
{
    public required string File { get; init; }
    public required string Format { get; init; }
    public required string Sha256 { get; init; }
    public string? Language { get; init; }
    public string? Symbol { get; init; }
    public string? Meeting { get; init; }
    public string? Title { get; init; }
    public string? DocumentDate { get; init; }
    public ReportingPeriod? ReportingPeriod { get; init; }
    public IReadOnlyList<string> ReferencedDocuments { get; init; } = [];
    public IReadOnlyList<string> ConventionArticles { get; init; } = [];
    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>The organisation that submitted the report, by the text (an organisation id), whoever uploaded it.</summary>
    public string? SubmittedBy { get; init; }

    public int WordCount { get; init; }
    public MetadataSources Sources { get; init; } = new();

    /// <summary>
    /// Set by the intake, not the extractor: another partner's report with the same bytes. Not part
    /// of the command line's record, so it is left out when empty.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DuplicateOf { get; init; }
}

/// <summary>The months a report covers, as <c>YYYY-MM</c>.</summary>
public sealed record ReportingPeriod(string Start, string End);
