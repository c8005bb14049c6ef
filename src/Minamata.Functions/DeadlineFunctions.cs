using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Deadlines;

namespace Minamata.Functions;

/// <summary>Deadline reminders on the schedule in the app setting Minamata:Deadlines:Schedule (the server reads the same setting).</summary>
public sealed class DeadlineFunctions(DeadlineNotifier notifier)
{
    public const string ScheduleSetting = "%" + DeadlineOptions.Section + ":" + nameof(DeadlineOptions.Schedule) + "%";

    [Function("SendDeadlineReminders")]
    public Task SendDeadlineReminders([TimerTrigger(ScheduleSetting, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        notifier.RunAsync(cancellationToken);
}
