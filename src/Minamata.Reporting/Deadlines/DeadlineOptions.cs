using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace Minamata.Reporting.Deadlines;

/// <summary>When reminders are planned and who gets the digest (<c>Minamata:Deadlines</c>).</summary>
public sealed class DeadlineOptions : IValidatableObject
{
    public const string Section = "Minamata:Deadlines";

    /// <summary>
    /// Six-field NCrontab (seconds first), the same expression the timer trigger reads from this
    /// setting: daily at 06:00 UTC unless set. "*/10 * * * * *" runs every ten seconds, to try it.
    /// </summary>
    [Required]
    public string Schedule { get; set; } = "0 0 6 * * *";

    /// <summary>The secretariat's address for the digest sent whenever reminders go out; no digest without it.</summary>
    [EmailAddress]
    public string? DigestTo { get; set; }

    public CrontabSchedule ParsedSchedule() => CrontabSchedule.Parse(Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CrontabSchedule.TryParse(Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            yield return new ValidationResult($"Minamata:Deadlines:Schedule '{Schedule}' is not a six-field cron expression (seconds minutes hours day month weekday).", [nameof(Schedule)]);
        }
    }
}
