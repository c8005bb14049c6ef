using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Minamata.Reporting.Mail;

/// <summary>The server's mail intake, at each occurrence of <see cref="MailIntakeOptions.Schedule"/>; idle without a mailbox.</summary>
public sealed class MailIntakeScheduler(MailIntake intake, IOptions<MailIntakeOptions> options, TimeProvider clock, ILogger<MailIntakeScheduler> logger)
    : ScheduledLoop(clock, logger)
{
    protected override string WorkName => "The mail intake";

    protected override CrontabSchedule Schedule => options.Value.ParsedSchedule();

    protected override Task RunAsync(CancellationToken cancellationToken) => intake.RunAsync(cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.IsConfigured ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;
}
