using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Intake;

/// <summary>
/// The self-hosted server's stand-in for Event Grid: takes in blobs the upload route announces at
/// once, and lists the upload container every <see cref="IntakeOptions.PollInterval"/> for blobs
/// that came by other means or whose intake failed. A blob that keeps failing waits longer each time.
/// </summary>
public sealed class UploadWatcher(
    ReportStorageClients storage,
    ReportIntake intake,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<UploadWatcher> logger) : BackgroundService, IUploadNotifier
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly Channel<string> pending = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<string, byte> queued = new();
    private readonly ConcurrentDictionary<string, string> takenInVersion = new();
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset NotBefore)> failing = new();

    public void Uploaded(string blobName) => Enqueue(blobName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.Concurrency).Select(_ => WorkAsync(stoppingToken)).ToList();
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            await ScanAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));

        pending.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ScanAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: stoppingToken))
            {
                var version = blob.Properties.ETag?.ToString();
                var waiting = failing.TryGetValue(blob.Name, out var failure) && failure.NotBefore > clock.GetUtcNow();
                if (!waiting && (!takenInVersion.TryGetValue(blob.Name, out var done) || done != version))
                {
                    Enqueue(blob.Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning(e, "Listing the upload container failed; trying again in {Interval}.", options.Value.PollInterval);
        }
    }

    private void Enqueue(string blobName)
    {
        if (queued.TryAdd(blobName, 0))
        {
            pending.Writer.TryWrite(blobName);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var blobName in pending.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                continue;
            }

            try
            {
                var report = await intake.ProcessAsync(blobName, stoppingToken);
                if (report?.BlobETag is { } version)
                {
                    takenInVersion[blobName] = version;
                }

                failing.TryRemove(blobName, out _);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                var failures = failing.TryGetValue(blobName, out var before) ? before.Failures + 1 : 1;
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures), MaxRetryDelay.TotalSeconds));
                failing[blobName] = (failures, clock.GetUtcNow() + delay);
                logger.LogError(e, "Taking in {BlobName} failed ({Failures} times); trying again in {Delay}.", blobName, failures, delay);
            }
            finally
            {
                queued.TryRemove(blobName, out _);
            }
        }
    }
}
