using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Minamata.Reporting.Deadlines;

/// <summary>The server's deadline run, at each occurrence of <see cref="DeadlineOptions.Schedule"/>.</summary>
public sealed class DeadlineScheduler(DeadlineNotifier notifier, IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<DeadlineScheduler> logger)
    : ScheduledLoop(clock, logger)
{
    protected override string WorkName => "The deadline run";

    protected override CrontabSchedule Schedule => options.Value.ParsedSchedule();

    protected override Task RunAsync(CancellationToken cancellationToken) => notifier.RunAsync(cancellationToken);
}
