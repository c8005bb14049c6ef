using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Index;

/// <summary>One report as the index keeps it.</summary>
public sealed record ReportRecord
{
    public required string Id { get; init; }
    public required string Partner { get; init; }
    public string? Cycle { get; init; }
    public required string Status { get; init; }
    public required string FileName { get; init; }
    public string? ContentType { get; init; }
    public required string BlobName { get; init; }

    /// <summary>The ETag of the blob version the metadata was read from; a new version is read again.</summary>
    public string? BlobETag { get; init; }

    public long? SizeBytes { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? IndexedAt { get; init; }
    public ReportError? Error { get; init; }
    public ReportMetadata? Metadata { get; init; }
    public string? Replaces { get; init; }
}

/// <summary>Why a report was rejected: a stable code and a sentence for people.</summary>
public sealed record ReportError(string Code, string Message);
