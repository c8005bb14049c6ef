using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Api;

/// <summary>How the API treats callers it does not know yet and requests that misbehave (<c>Minamata:Http</c>).</summary>
public sealed class HttpOptions
{
    public const string Section = "Minamata:Http";

    /// <summary>
    /// How long one storage probe answers <c>GET /api/health</c> for everybody: however often anyone
    /// asks, storage is probed at most once per interval. The secretariat's <c>?details=true</c> probes afresh.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan HealthProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls with a wrong key one network address may make per minute; past it the address gets 429.</summary>
    [Range(1, 1_000_000)]
    public int FailedKeysPerMinutePerAddress { get; set; } = 30;

    /// <summary>Calls without any key (health, the portal's files) one network address may make per minute (self-hosted server).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRequestsPerMinutePerAddress { get; set; } = 300;

    /// <summary>A request body arriving slower than this, after <see cref="RequestBodyGracePeriod"/>, is cut off (408).</summary>
    [Range(1, int.MaxValue)]
    public int MinRequestBodyBytesPerSecond { get; set; } = 1024;

    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan RequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
