using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Compilation;

/// <summary>
/// The self-hosted server's stand-in for the queue trigger: reads the compilation queue, runs each
/// compilation, deletes the message when done, and gives up on a message after five deliveries,
/// as the Functions host would.
/// </summary>
public sealed class CompilationQueueWorker(ReportStorageClients storage, CompilationRunner runner, ILogger<CompilationQueueWorker> logger) : BackgroundService
{
    private const int MaxDeliveries = 5;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Invisible = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await storage.CompilationQueue.ReceiveMessagesAsync(1, Invisible, stoppingToken)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(Idle, stoppingToken);
                    continue;
                }

                foreach (var message in messages)
                {
                    var id = message.MessageText;
                    try
                    {
                        await runner.RunAsync(id, stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException && message.DequeueCount >= MaxDeliveries)
                    {
                        await runner.GiveUpAsync(id, $"Gave up after {message.DequeueCount} attempts: {e.Message}", stoppingToken);
                    }

                    await storage.CompilationQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // Like the upload watcher, this loop must outlive any failure; the message becomes visible again.
                logger.LogError(e, "Reading the compilation queue failed; trying again.");
                await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
