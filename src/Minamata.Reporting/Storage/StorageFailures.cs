using Azure;

namespace Minamata.Reporting.Storage;

/// <summary>Telling a storage outage from a bug, and blob versions from their quoting.</summary>
public static class StorageFailures
{
    /// <summary>
    /// Whether storage did not answer or answered "try later": a failed request (no response,
    /// timeout, throttling, 5xx), or the SDK's AggregateException after its retries gave up.
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException e => e.Status is 0 or 408 or 429 or >= 500,
        AggregateException e => e.InnerExceptions.Count > 0 && e.InnerExceptions.All(IsOutage),
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    /// <summary>A blob's ETag as one string whichever API returned it (listings leave out the quotes that property reads keep).</summary>
    public static string Version(ETag etag) => etag.ToString().Trim('"');
}
