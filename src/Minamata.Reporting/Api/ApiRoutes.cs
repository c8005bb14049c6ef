namespace Minamata.Reporting.Api;

/// <summary>
/// The routes of <c>docs/http-api.md</c> and the portal's, as both hosts map them (the
/// Functions host with an empty route prefix in host.json, so that the portal can live beside the
/// API). Constants, because the Functions trigger attributes need them at compile time.
/// </summary>
public static class ApiRoutes
{
    public const string Health = "api/health";
    public const string Me = "api/me";
    public const string Partners = "api/partners";
    public const string PartnerKeys = "api/partners/{id}/keys";
    public const string Reports = "api/reports";
    public const string Report = "api/reports/{id}";
    public const string ReportFile = "api/reports/{id}/file";
    public const string ReportMetadata = "api/reports/{id}/metadata";
    public const string ReportReextract = "api/reports/{id}/reextract";
    public const string ReportInf = "api/reports/{id}/inf";
    public const string ReportIssuedSymbol = "api/reports/{id}/issued-symbol";
    public const string ReportWithdraw = "api/reports/{id}/withdraw";
    public const string Cycles = "api/cycles";
    public const string Cycle = "api/cycles/{cycle}";
    public const string CycleStatus = "api/cycles/{cycle}/status";
    public const string CycleReview = "api/cycles/{cycle}/review";
    public const string CycleIssue = "api/cycles/{cycle}/issue";
    public const string Uploads = "api/uploads";
    public const string Compilations = "api/compilations";
    public const string Compilation = "api/compilations/{id}";
    public const string CompiledReport = "api/compilations/{id}/report.{format}";
    public const string Notifications = "api/notifications";
    public const string OutboxMessage = "api/outbox/{cycle}/{partner}/{message}";

    /// <summary>The API described by OpenAPI.</summary>
    public const string OpenApi = "api/openapi.json";

    /// <summary>The interactive reference of the API, for people.</summary>
    public const string ApiReference = "api/docs/{*file}";

    /// <summary>The web portal's pages and assets.</summary>
    public const string Portal = "portal/{*file}";

    /// <summary>
    /// The site's root, which sends browsers to the portal. A Functions trigger cannot have an empty
    /// route, so the root is an optional parameter that only the empty path satisfies.
    /// </summary>
    public const string Root = "{root:maxlength(0)?}";

    /// <summary>Where the portal starts; the slash matters, since its pages load their files relative to it.</summary>
    public const string PortalStart = "/portal/";

    /// <summary>The portal opened on a cycle, for links in messages about it.</summary>
    public static string PortalCyclePath(string cycle) => $"{PortalStart}#/cycles/{cycle}";

    /// <summary>The portal opened on one report, for links in receipts.</summary>
    public static string PortalReportPath(string id) => $"{PortalStart}#/reports/{id}";

    /// <summary>The path of a report, for Location headers and links.</summary>
    public static string ReportPath(string id) => $"/{Reports}/{id}";

    /// <summary>The path of a message the outbox keeps, for the notification list's links.</summary>
    public static string OutboxMessagePath(string cycle, string partner, string message) => $"/api/outbox/{cycle}/{partner}/{message}";
}
