using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Api;
using Minamata.Reporting.Index;

namespace Minamata.Reporting.Submissions;

/// <summary>
/// Keeps one partner from taking the intake for itself: at most so many reports waiting to be read,
/// and so many handed in per hour. Past either, the partner is told when to come back (429 with
/// Retry-After) before it sends the file.
/// </summary>
public sealed class PartnerUploadLimits(ReportIndex index, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>How long to wait until a backlog of reports in flight is likely to have been read.</summary>
    private static readonly TimeSpan InFlightRetry = TimeSpan.FromSeconds(30);

    /// <exception cref="ApiProblem">429 when the partner is at one of its limits.</exception>
    public async Task CheckAsync(string partner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recent = await index.ListRecentAsync(partner, now - Hour, cancellationToken);
        var limits = options.Value;
        var inFlight = recent.Count(r => r.Status == ReportStatus.Received);
        if (inFlight >= limits.MaxReportsInFlightPerPartner)
        {
            throw TooMany($"{partner} has {inFlight} reports still being taken in, the most it may have at once; send more once they are read.", InFlightRetry);
        }

        var lastHour = recent.Where(r => r.ReceivedAt >= now - Hour).Select(r => r.ReceivedAt).Order().ToList();
        if (lastHour.Count >= limits.MaxUploadsPerPartnerPerHour)
        {
            // The earliest upload that makes the count leaves the hour first.
            var wait = lastHour[lastHour.Count - limits.MaxUploadsPerPartnerPerHour] + Hour - now;
            throw TooMany($"{partner} has handed in {lastHour.Count} reports in the last hour, the most it may; try again later.", wait);
        }
    }

    private static ApiProblem TooMany(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, ApiProblemCodes.TooManyReports, detail) { RetryAfter = retryAfter };
}
