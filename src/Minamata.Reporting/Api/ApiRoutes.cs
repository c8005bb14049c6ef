namespace Minamata.Reporting.Api;

/// <summary>
/// The routes of <c>shared/contracts/http-api.md</c>, without the <c>api/</c> prefix (the Functions
/// host adds it from host.json; the server maps them under <c>/api</c>). Constants, because the
/// Functions trigger attributes need them at compile time.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Health = "health";
    public const string Partners = "partners";
    public const string PartnerKeys = "partners/{id}/keys";
    public const string Reports = "reports";
    public const string Report = "reports/{id}";
    public const string ReportFile = "reports/{id}/file";
    public const string Cycle = "cycles/{cycle}";
    public const string CycleStatus = "cycles/{cycle}/status";
    public const string Uploads = "uploads";
    public const string Compilations = "compilations";
    public const string Compilation = "compilations/{id}";
    public const string CompiledReport = "compilations/{id}/report.{format}";
    public const string Notifications = "notifications";
}
