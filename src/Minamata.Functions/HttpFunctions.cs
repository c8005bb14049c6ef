using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Api;

namespace Minamata.Functions;

/// <summary>The HTTP routes of the contract; each function hands the request to the core's handler.</summary>
public sealed class HttpFunctions(HealthHandler health, PartnerHandlers partners, ReportHandlers reports)
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
}
