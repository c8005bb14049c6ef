using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Api;

namespace Minamata.Functions;

/// <summary>The HTTP routes of the contract; each function hands the request to the core's handler.</summary>
public sealed class HttpFunctions(
    HealthHandler health,
    PartnerHandlers partners,
    ReportHandlers reports,
    CycleHandlers cycles,
    UploadHandlers uploads,
    CompilationHandlers compilations,
    NotificationHandlers notifications,
    ReviewHandlers review,
    IssuanceHandlers issuance)
{
    [Function("Health")]
    public async Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        await health.CheckAsync(request);

    [Function("CreatePartner")]
    public async Task<IResult> CreatePartner([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Partners)] HttpRequest request) =>
        await partners.CreateAsync(request);

    [Function("ListPartners")]
    public async Task<IResult> ListPartners([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Partners)] HttpRequest request) =>
        await partners.ListAsync(request);

    [Function("ReissuePartnerKey")]
    public async Task<IResult> ReissuePartnerKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PartnerKeys)] HttpRequest request, string id) =>
        await partners.ReissueKeyAsync(request, id);

    [Function("UploadReport")]
    public async Task<IResult> UploadReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Reports)] HttpRequest request) =>
        await reports.UploadAsync(request);

    [Function("ListReports")]
    public async Task<IResult> ListReports([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Reports)] HttpRequest request) =>
        await reports.ListAsync(request);

    [Function("GetReport")]
    public async Task<IResult> GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Report)] HttpRequest request, string id) =>
        await reports.GetAsync(request, id);

    [Function("DownloadReport")]
    public async Task<IResult> DownloadReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportFile)] HttpRequest request, string id) =>
        await reports.DownloadAsync(request, id);

    [Function("CorrectReportMetadata")]
    public async Task<IResult> CorrectReportMetadata([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.ReportMetadata)] HttpRequest request, string id) =>
        await review.PatchMetadataAsync(request, id);

    [Function("ReextractReport")]
    public async Task<IResult> ReextractReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportReextract)] HttpRequest request, string id) =>
        await review.ReextractAsync(request, id);

    [Function("PutCycle")]
    public async Task<IResult> PutCycle([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Cycle)] HttpRequest request, string cycle) =>
        await cycles.PutAsync(request, cycle);

    [Function("CycleStatus")]
    public async Task<IResult> CycleStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CycleStatus)] HttpRequest request, string cycle) =>
        await cycles.StatusAsync(request, cycle);

    [Function("CycleReview")]
    public async Task<IResult> CycleReview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CycleReview)] HttpRequest request, string cycle) =>
        await cycles.ReviewAsync(request, cycle);

    [Function("IssueReports")]
    public async Task<IResult> IssueReports([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CycleIssue)] HttpRequest request, string cycle) =>
        await issuance.IssueAsync(request, cycle);

    [Function("InfDocument")]
    public async Task<IResult> InfDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportInf)] HttpRequest request, string id) =>
        await issuance.InfAsync(request, id);

    [Function("CreateUploadUrl")]
    public async Task<IResult> CreateUploadUrl([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Uploads)] HttpRequest request) =>
        await uploads.CreateAsync(request);

    [Function("CreateCompilation")]
    public async Task<IResult> CreateCompilation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Compilations)] HttpRequest request) =>
        await compilations.CreateAsync(request);

    [Function("GetCompilation")]
    public async Task<IResult> GetCompilation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Compilation)] HttpRequest request, string id) =>
        await compilations.GetAsync(request, id);

    [Function("DownloadCompiledReport")]
    public async Task<IResult> DownloadCompiledReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CompiledReport)] HttpRequest request, string id, string format) =>
        await compilations.DownloadAsync(request, id, format);

    [Function("WithdrawReport")]
    public async Task<IResult> WithdrawReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReportWithdraw)] HttpRequest request, string id) =>
        await reports.WithdrawAsync(request, id);

    [Function("RenumberIssuedReport")]
    public async Task<IResult> RenumberIssuedReport([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.ReportIssuedSymbol)] HttpRequest request, string id) =>
        await issuance.RenumberAsync(request, id);

    [Function("ListNotifications")]
    public async Task<IResult> ListNotifications([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Notifications)] HttpRequest request) =>
        await notifications.ListAsync(request);

    [Function("ReadOutboxMessage")]
    public async Task<IResult> ReadOutboxMessage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OutboxMessage)] HttpRequest request, string cycle, string partner, string message) =>
        await notifications.MessageAsync(request, cycle, partner, message);

    [Function("Me")]
    public async Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Me)] HttpRequest request) =>
        await partners.MeAsync(request);

    [Function("ListCycles")]
    public async Task<IResult> ListCycles([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Cycles)] HttpRequest request) =>
        await cycles.ListAsync(request);
}
