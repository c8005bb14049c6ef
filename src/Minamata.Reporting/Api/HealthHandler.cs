using System.Diagnostics;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Api;

/// <summary>
/// <c>GET /api/health</c>: 200 when storage answers, else 503; needs no key. Anyone gets the verdict
/// of the latest probe, at most <see cref="HttpOptions.HealthProbeInterval"/> old, so asking cannot
/// be turned into load on storage; the secretariat asking <c>?details=true</c> gets a fresh probe
/// with what each service took.
/// </summary>
public sealed class HealthHandler(ReportStorageClients storage, ApiCall call, IOptions<HttpOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);
    private readonly Lock gate = new();
    private Task<Probe>? latest;
    private DateTimeOffset latestAt;

    public async Task<Results<Ok<HealthView>, ApiProblemResult>> CheckAsync(HttpRequest request)
    {
        if (request.Query["details"] == "true")
        {
            return await call.RunAsync(request, Audience.Secretariat, async (_, _) => await ProbeAsync() is { Healthy: true } probe
                ? TypedResults.Ok(new HealthView("ok", probe.At, probe.BlobMilliseconds, probe.TableMilliseconds))
                : throw ApiCall.StorageUnavailable());
        }

        return (await SharedProbe()).Healthy ? TypedResults.Ok(new HealthView("ok")) : ApiCall.StorageUnavailable().ToResult();
    }

    /// <summary>The running or latest probe while it is recent enough, else a new one that every caller meanwhile shares.</summary>
    private Task<Probe> SharedProbe()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (latest is null || (latest.IsCompleted && now - latestAt >= options.Value.HealthProbeInterval))
            {
                latest = ProbeAsync();
                latestAt = now;
            }

            return latest;
        }
    }

    private async Task<Probe> ProbeAsync()
    {
        // Not the caller's cancellation: a probe shared by many callers must not end with the first one's request.
        using var timeout = new CancellationTokenSource(StorageTimeout);
        var at = clock.GetUtcNow();
        try
        {
            var blob = Stopwatch.StartNew();
            await storage.Uploads.GetPropertiesAsync(cancellationToken: timeout.Token);
            blob.Stop();
            var table = Stopwatch.StartNew();
            await storage.Reports.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: timeout.Token);
            return new Probe(true, at, blob.ElapsedMilliseconds, table.ElapsedMilliseconds);
        }
        catch (Exception e) when (StorageFailures.IsOutage(e) || e is RequestFailedException or OperationCanceledException)
        {
            return new Probe(false, at, null, null);
        }
    }

    private sealed record Probe(bool Healthy, DateTimeOffset At, long? BlobMilliseconds, long? TableMilliseconds);
}
