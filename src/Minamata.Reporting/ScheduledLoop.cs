using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace Minamata.Reporting;

/// <summary>
/// The self-hosted server's stand-in for a timer trigger: runs <see cref="RunAsync"/> at each
/// occurrence of a schedule (the same six-field expression the trigger reads), by the clock the
/// work reads. A failed run is logged and the next occurrence tries again.
/// </summary>
public abstract class ScheduledLoop(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the loop runs, for its log lines: "the deadline run".</summary>
    protected abstract string WorkName { get; }

    protected abstract CrontabSchedule Schedule { get; }

    protected abstract Task RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = Schedule;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // The loop itself must not stop.
                logger.LogError(e, "{Work} failed; trying again at the next scheduled time.", WorkName);
            }
        }
    }
}
