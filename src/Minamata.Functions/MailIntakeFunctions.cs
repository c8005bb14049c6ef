using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Mail;

namespace Minamata.Functions;

/// <summary>Reads the secretariat's mailbox on the schedule in the app setting Minamata:MailIntake:Schedule (the server reads the same setting); does nothing without a mailbox.</summary>
public sealed class MailIntakeFunctions(MailIntake intake)
{
    public const string ScheduleSetting = "%" + MailIntakeOptions.Section + ":" + nameof(MailIntakeOptions.Schedule) + "%";

    [Function("ReadMailIntake")]
    public Task ReadMailIntake([TimerTrigger(ScheduleSetting, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        intake.RunAsync(cancellationToken);
}
