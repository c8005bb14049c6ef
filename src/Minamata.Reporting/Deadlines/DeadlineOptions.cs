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

    public CrontabSchedule ParsedSchedule() => CronExpressions.Parse(Schedule);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronExpressions.IsValid(Schedule))
        {
            yield return new ValidationResult(CronExpressions.Invalid($"{Section}:{nameof(Schedule)}", Schedule), [nameof(Schedule)]);
        }
    }
}
