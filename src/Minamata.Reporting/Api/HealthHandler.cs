using Azure;
using Microsoft.AspNetCore.Http;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Api;

/// <summary><c>GET /api/health</c>: 200 when storage answers, else 503. Needs no key.</summary>
public sealed class HealthHandler(ReportStorageClients storage)
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> CheckAsync(HttpRequest request)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await storage.Uploads.GetPropertiesAsync(cancellationToken: timeout.Token);
            await storage.Reports.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: timeout.Token);
            return Results.Json(new { status = "ok" }, ReportingJson.Options);
        }
        catch (Exception e) when (StorageFailures.IsOutage(e) || e is RequestFailedException or OperationCanceledException)
        {
            return ApiCall.StorageUnavailable(request);
        }
    }
}
