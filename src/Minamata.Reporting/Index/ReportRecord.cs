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

    /// <summary>SHA-256 of the file, known from the upload or the intake; finds duplicates.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Who sent it: a partner id, or <c>secretariat</c>.</summary>
    public string? UploadedBy { get; init; }

    /// <summary>How it came in (<see cref="Submissions.ReportChannel"/>); null for reports from before it was kept.</summary>
    public string? Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? IndexedAt { get; init; }
    public ReportError? Error { get; init; }

    /// <summary>What the extractor read from the file; never changed by a correction.</summary>
    public ReportMetadata? Extracted { get; init; }

    /// <summary>The symbol the secretariat issued the report under as an information document of the meeting; null until then.</summary>
    public string? IssuedSymbol { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>The extraction (<see cref="MetadataExtractor.Version"/>) that read <see cref="Extracted"/>; null for records read before it was kept.</summary>
    public string? ExtractorVersion { get; init; }

    /// <summary>The fields the secretariat corrected, by field name; they outlive a re-read of the file.</summary>
    public IReadOnlyDictionary<string, Correction> Corrections { get; init; } = new Dictionary<string, Correction>();

    /// <summary>The effective record, which everyone sees and everything uses: what was extracted, as corrected.</summary>
    public ReportMetadata? Metadata => Extracted is null ? null : MetadataCorrections.Apply(Extracted, Corrections);

    public string? Replaces { get; init; }
    public string? SupersededBy { get; init; }

    /// <summary>How many intake attempts started on this report, each counted before it read the file.</summary>
    public int Attempts { get; init; }

    /// <summary>When the latest intake attempt started reading; with <see cref="Attempts"/>, it tells a dead attempt from one still running.</summary>
    public DateTimeOffset? AttemptedAt { get; init; }

    /// <summary>The folded words of title and text that <c>q</c> searches; never shown.</summary>
    public string? SearchWords { get; init; }

    /// <summary>The index row's ETag when read; an update succeeds only if nobody changed the row since.</summary>
    public string? Version { get; init; }

    public bool IsFinal => Status is ReportStatus.Indexed or ReportStatus.Rejected or ReportStatus.Superseded;
}

/// <summary>Why a report was rejected: a stable code and a sentence for people.</summary>
public sealed record ReportError(string Code, string Message);
