using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Intake;

/// <summary>How uploads are taken in (<c>Minamata:Intake</c>): the server's watcher, attempts, the reconcile sweep.</summary>
public sealed class IntakeOptions : IValidatableObject
{
    public const string Section = "Minamata:Intake";

    /// <summary>How often the container is listed for blobs that arrived by other means than the API.</summary>
    [TimeSpanRange("00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many blobs the server reads at once. Reading waits mostly on storage, so more than the cores.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How many blobs the server reads at once while it is receiving uploads: their answers come first.</summary>
    [Range(1, 64)]
    public int ConcurrencyWhileUploading { get; set; } = 1;

    /// <summary>
    /// How many of one partner's blobs the server reads at once. Below <see cref="Concurrency"/>, so a
    /// partner with many slow files always leaves workers for the others.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerPartner { get; set; } = 2;

    /// <summary>After this many failed attempts a report is rejected with its last error and no longer retried.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// When the Functions app runs the reconcile sweep (six-field cron, the timer trigger's binding
    /// expression): every five minutes, since Event Grid delivers every upload and the sweep only
    /// catches crashes and lost deliveries. The server sweeps every <see cref="PollInterval"/>.
    /// </summary>
    [Required]
    public string ReconcileSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>A report still <c>received</c> this long after it arrived is taken in again by the reconcile sweep.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConcurrencyWhileUploading > Concurrency)
        {
            yield return new ValidationResult($"{Section}:{nameof(ConcurrencyWhileUploading)} ({ConcurrencyWhileUploading}) must not be above {Section}:{nameof(Concurrency)} ({Concurrency}).", [nameof(ConcurrencyWhileUploading)]);
        }

        if (!CronExpressions.IsValid(ReconcileSchedule))
        {
            yield return new ValidationResult(CronExpressions.Invalid($"{Section}:{nameof(ReconcileSchedule)}", ReconcileSchedule), [nameof(ReconcileSchedule)]);
        }
    }
}
