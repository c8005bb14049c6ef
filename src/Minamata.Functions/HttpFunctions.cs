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
    NotificationHandlers notifications)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        health.CheckAsync(request);

    [Function("CreatePartner")]
    public Task<IResult> CreatePartner([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Partners)] HttpRequest request) =>
        partners.CreateAsync(request);

    [Function("ListPartners")]
    public Task<IResult> ListPartners([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Partners)] HttpRequest request) =>
        partners.ListAsync(request);

    [Function("ReissuePartnerKey")]
    public Task<IResult> ReissuePartnerKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PartnerKeys)] HttpRequest request, string id) =>
        partners.ReissueKeyAsync(request, id);

    [Function("UploadReport")]
    public Task<IResult> UploadReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Reports)] HttpRequest request) =>
        reports.UploadAsync(request);

    [Function("ListReports")]
    public Task<IResult> ListReports([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Reports)] HttpRequest request) =>
        reports.ListAsync(request);

    [Function("GetReport")]
    public Task<IResult> GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Report)] HttpRequest request, string id) =>
        reports.GetAsync(request, id);

    [Function("DownloadReport")]
    public Task<IResult> DownloadReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReportFile)] HttpRequest request, string id) =>
        reports.DownloadAsync(request, id);

    [Function("PutCycle")]
    public Task<IResult> PutCycle([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Cycle)] HttpRequest request, string cycle) =>
        cycles.PutAsync(request, cycle);

    [Function("CycleStatus")]
    public Task<IResult> CycleStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CycleStatus)] HttpRequest request, string cycle) =>
        cycles.StatusAsync(request, cycle);

    [Function("CreateUploadUrl")]
    public Task<IResult> CreateUploadUrl([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Uploads)] HttpRequest request) =>
        uploads.CreateAsync(request);

    [Function("CreateCompilation")]
    public Task<IResult> CreateCompilation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Compilations)] HttpRequest request) =>
        compilations.CreateAsync(request);

    [Function("GetCompilation")]
    public Task<IResult> GetCompilation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Compilation)] HttpRequest request, string id) =>
        compilations.GetAsync(request, id);

    [Function("DownloadCompiledReport")]
    public Task<IResult> DownloadCompiledReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CompiledReport)] HttpRequest request, string id, string format) =>
        compilations.DownloadAsync(request, id, format);

    [Function("ListNotifications")]
    public Task<IResult> ListNotifications([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Notifications)] HttpRequest request) =>
        notifications.ListAsync(request);

    [Function("Me")]
    public Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Me)] HttpRequest request) =>
        partners.MeAsync(request);

    [Function("ListCycles")]
    public Task<IResult> ListCycles([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Cycles)] HttpRequest request) =>
        cycles.ListAsync(request);
}
