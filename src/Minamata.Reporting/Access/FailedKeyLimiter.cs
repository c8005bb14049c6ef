using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Api;

namespace Minamata.Reporting.Access;

/// <summary>
/// Counts wrong keys per network address: an address that sent too many in a minute is refused
/// before its key is even looked at, so guessing keys is slow and costs the index nothing.
/// Valid keys never count.
/// </summary>
public sealed class FailedKeyLimiter(IOptions<HttpOptions> options) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedKeysPerMinutePerAddress,
            Window = Window,
            QueueLimit = 0,
        }));

    /// <summary>Whether the caller's address may still try a key.</summary>
    public bool MayTry(HttpRequest request)
    {
        // Asking for no permit only looks: it fails once the address has used up its minute.
        using var lease = limiter.AttemptAcquire(Address(request), 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts one wrong key against the caller's address.</summary>
    public void Failed(HttpRequest request)
    {
        using var lease = limiter.AttemptAcquire(Address(request));
    }

    public static TimeSpan RetryAfter => Window;

    public void Dispose() => limiter.Dispose();

    private static string Address(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
