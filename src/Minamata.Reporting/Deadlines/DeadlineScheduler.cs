using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Deadlines;

/// <summary>
/// The self-hosted server's stand-in for the timer trigger: runs the deadline notifier at each
/// occurrence of <see cref="DeadlineOptions.Schedule"/>, by the same clock the notifier reads.
/// </summary>
public sealed class DeadlineScheduler(DeadlineNotifier notifier, IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<DeadlineScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.ParsedSchedule();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
                await notifier.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // A failed run is retried at the next occurrence; the loop itself must not stop.
                logger.LogError(e, "The deadline run failed; trying again at the next scheduled time.");
            }
        }
    }
}
