using System.Globalization;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Index;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Receipts;

/// <summary>
/// The secretariat's daily list of what arrived for a cycle: every report received (UTC days) since
/// the day after the last such list, up to yesterday, with its partner, file, state and title. It
/// goes to <c>Minamata:Deadlines:DigestTo</c> with the daily run, once per day (the ledger keys it
/// by that day), and not at all on a day nothing arrived.
/// </summary>
public sealed class ArrivalsDigest(NotificationDispatcher dispatcher, IOptions<DeadlineOptions> deadlines, IOptions<PublicOptions> publicOptions)
{
    /// <summary>How far back a digest reaches after days without one (downtime).</summary>
    private const int MaxDays = 7;

    public async Task<DispatchCounts> SendAsync(
        ReportingCycle cycle,
        IReadOnlyList<ReportRecord> reports,
        IReadOnlyDictionary<string, Partner> directory,
        IReadOnlyCollection<NotificationLedger.Delivery> deliveries,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (deadlines.Value.DigestTo is not { Length: > 0 } digestTo)
        {
            return DispatchCounts.None;
        }

        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var listed = deliveries
            .Select(d => d.Notification.Kind == NotificationKind.Arrivals && DateOnly.TryParseExact(d.Notification.About, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : DateOnly.MinValue)
            .DefaultIfEmpty(DateOnly.MinValue)
            .Max();
        var from = new[] { listed.AddDays(1), yesterday.AddDays(1 - MaxDays) }.Max();
        var arrived = reports
            .Where(r => DateOnly.FromDateTime(r.ReceivedAt.UtcDateTime) is var day && day >= from && day <= yesterday)
            .OrderBy(r => r.ReceivedAt)
            .ToList();
        if (arrived.Count == 0)
        {
            return DispatchCounts.None;
        }

        var digest = new PlannedNotification(cycle.Id, Caller.SecretariatName, NotificationKind.Arrivals, -1) { About = Day(yesterday) };
        return await dispatcher.DispatchAsync(new OutgoingNotification(digest, Recipients.Only(digestTo), Message(cycle, arrived, directory, from, yesterday)), deliveries, cancellationToken);
    }

    private RenderedMessage Message(ReportingCycle cycle, List<ReportRecord> arrived, IReadOnlyDictionary<string, Partner> directory, DateOnly from, DateOnly to)
    {
        var publicUrl = publicOptions.Value.PublicUrl.TrimEnd('/');
        var lines = arrived.Select(r =>
            $"- {directory.GetValueOrDefault(r.Partner)?.Name ?? r.Partner} ({r.Partner}): {r.FileName}, {r.Status}"
            + (r.Metadata?.Title is { } title ? $", \"{title}\"" : "")
            + (r.Error is { } error ? $" ({error.Code})" : "")
            + $"\n  {publicUrl}{ApiRoutes.PortalReportPath(r.Id)}");
        return MessageTemplates.Render(MessageTemplates.Fallback, NotificationKind.Arrivals, new Dictionary<string, string>
        {
            ["cycle"] = cycle.Id,
            ["title"] = cycle.Title,
            ["count"] = arrived.Count.ToString(CultureInfo.InvariantCulture),
            ["from"] = Day(from),
            ["to"] = Day(to),
            ["arrivals"] = string.Join("\n", lines),
            ["review"] = $"{publicUrl}{ApiRoutes.PortalStart}#/review",
        });
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
