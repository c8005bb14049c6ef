namespace Minamata.Reporting.Index;

/// <summary>Where a report is in the pipeline, as the API names it.</summary>
public static class ReportStatus
{
    /// <summary>The file is stored; the intake has not read it yet.</summary>
    public const string Received = "received";

    /// <summary>The intake read it; its metadata is in the index.</summary>
    public const string Indexed = "indexed";

    /// <summary>The intake could not read it; the error says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>A later report of the same partner replaced it.</summary>
    public const string Superseded = "superseded";

    /// <summary>Its partner or the secretariat took it back: kept with its file and history, out of the cycle's count, searches and the compilation.</summary>
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Received, Indexed, Rejected, Superseded, Withdrawn];
}
