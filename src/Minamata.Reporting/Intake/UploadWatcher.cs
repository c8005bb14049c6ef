using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Intake;

/// <summary>
/// The self-hosted server's stand-in for Event Grid: takes in blobs the upload route announces at
/// once, and runs the reconcile sweep's comparison every <see cref="IntakeOptions.PollInterval"/>
/// for blobs that came by other means (upload URLs, Storage Explorer) or whose intake failed. A blob
/// that keeps failing waits longer each time; the intake rejects it after its last attempt. Workers
/// take blobs partner by partner in turn (<see cref="FairIntakeQueue"/>), fewer at once while
/// uploads are being received (<see cref="UploadsFirst"/>).
/// </summary>
public sealed class UploadWatcher(
    ReconcileSweep sweep,
    ReportIntake intake,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<UploadWatcher> logger) : BackgroundService, IUploadNotifier
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly FairIntakeQueue pending = new(options.Value.MaxConcurrencyPerPartner);
    private readonly UploadsFirst turns = new(options.Value.Concurrency, options.Value.ConcurrencyWhileUploading);
    private readonly ConcurrentDictionary<string, byte> queued = new();
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset NotBefore)> failing = new();

    public void Uploaded(string blobName) => Enqueue(blobName);

    public IDisposable Receiving() => turns.Receiving();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.Concurrency).Select(_ => WorkAsync(stoppingToken)).ToList();
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            await ScanAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));

        pending.Complete();
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
            // Anything received is due at once here: the server has no event for files PUT to an upload URL.
            var findings = await sweep.FindAsync(TimeSpan.Zero, stoppingToken);
            foreach (var blobName in findings.Pending)
            {
                if (!(failing.TryGetValue(blobName, out var failure) && failure.NotBefore > clock.GetUtcNow()))
                {
                    Enqueue(blobName);
                }
            }

            await sweep.RejectUnusedAsync(findings.Unused, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The watcher must outlive any failure: if it stopped, uploads would wait for a restart.
            logger.LogError(e, "Looking for uploads to take in failed; trying again in {Interval}.", options.Value.PollInterval);
        }
    }

    private void Enqueue(string blobName)
    {
        if (queued.TryAdd(blobName, 0))
        {
            pending.Enqueue(blobName);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (await NextAsync(stoppingToken) is { } blobName)
        {
            try
            {
                // Once stopping, what is still queued is only let go of; the next start finds it again.
                if (!stoppingToken.IsCancellationRequested)
                {
                    await intake.ProcessAsync(blobName, stoppingToken);
                    failing.TryRemove(blobName, out _);
                }
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
                pending.Done(blobName);
                queued.TryRemove(blobName, out _);
                turns.Exit();
            }
        }
    }

    /// <summary>The next blob to read once this worker has a turn (uploads being received come first); null once stopped and drained.</summary>
    private async Task<string?> NextAsync(CancellationToken stoppingToken)
    {
        await turns.EnterAsync(stoppingToken);
        var blobName = await pending.TakeAsync();
        if (blobName is null)
        {
            turns.Exit();
        }

        return blobName;
    }
}
