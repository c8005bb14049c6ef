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

    /// <summary>The text the intake read from each report (<c>{report id}.txt</c>, pages separated by form feeds), for compilation.</summary>
    public const string TextContainer = "texts";

    /// <summary>Compiled implementation reports: <c>{compilation id}/report.docx|html|json</c>.</summary>
    public const string CompilationContainer = "compilations";

    /// <summary>Every notification as the e-mail it is: <c>{cycle}/{partner}/{kind}[-{days}].eml</c>.</summary>
    public const string OutboxContainer = "outbox";

    /// <summary>Compilations waiting to run.</summary>
    public const string CompilationQueue = "compilations";

    /// <summary>Set to true where nothing else creates the containers, tables and queues (a local Functions run on Azurite).</summary>
    public const string ProvisionAtStartSetting = "Minamata:ProvisionStorageAtStart";

    /// <summary>Where the Functions host moves a compilation message after its last failed delivery.</summary>
    public const string CompilationPoisonQueue = CompilationQueue + "-poison";

    public const string ReportsTable = "reports";
    public const string CompilationsTable = "compilations";

    /// <summary>Every notification on every channel, its key admitted once (partition = cycle).</summary>
    public const string NotificationsTable = "notifications";
    public const string DirectoryTable = "directory";
    public const string CyclesTable = "cycles";

    /// <summary>Every state change of every report: partition = report id.</summary>
    public const string HistoryTable = "history";

    /// <summary>Reports by the SHA-256 of their bytes: partition = hash, row = report id.</summary>
    public const string ContentHashTable = "contenthashes";
}
