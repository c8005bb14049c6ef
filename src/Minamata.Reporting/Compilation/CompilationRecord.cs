namespace Minamata.Reporting.Compilation;

/// <summary>A requested compilation and how far it got.</summary>
public sealed record CompilationRecord(
    string Id,
    string Cycle,
    string Decision,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int? ReportCount,
    string? Error,
    string? Version)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public bool IsFinished => Status is Completed or Failed;

    public static string OutputBlobName(string id, string format) => $"{id}/report.{format}";
}
