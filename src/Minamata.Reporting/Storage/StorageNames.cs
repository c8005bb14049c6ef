namespace Minamata.Reporting.Storage;

/// <summary>
/// Names of the containers and tables the pipeline uses. They are constants, not options,
/// because trigger attributes and the Bicep templates must name them at compile time.
/// </summary>
public static class StorageNames
{
    /// <summary>The connection setting both hosts read storage from.</summary>
    public const string ConnectionName = "ReportStorage";

    /// <summary>Where partners' files land; every blob created here is taken in by the intake.</summary>
    public const string UploadContainer = "uploads";

    public const string ReportsTable = "reports";
    public const string DirectoryTable = "directory";
    public const string CyclesTable = "cycles";

    /// <summary>Every state change of every report: partition = report id.</summary>
    public const string HistoryTable = "history";

    /// <summary>Reports by the SHA-256 of their bytes: partition = hash, row = report id.</summary>
    public const string ContentHashTable = "contenthashes";
}
