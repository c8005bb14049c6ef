using System.Text.Json.Serialization;

namespace Minamata.Reporting.Metadata;

/// <summary>
/// Where each of the fields the secretariat checks first was read: the cover (or a partner's
/// letterhead), a running header or footer, the file's document properties, or the body. A field
/// that was not found has no source.
/// </summary>
public sealed record MetadataSources
{
    public const string Cover = "cover";
    public const string Header = "header";
    public const string Properties = "properties";
    public const string Body = "body";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Symbol { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DocumentDate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReportingPeriod { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubmittedBy { get; init; }
}
