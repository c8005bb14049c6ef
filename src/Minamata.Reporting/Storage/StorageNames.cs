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
}
