using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Intake;

/// <summary>How the self-hosted server watches the upload container (<c>Minamata:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Minamata:Intake";

    /// <summary>How often the container is listed for blobs that arrived by other means than the API.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many blobs are read at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;
}
