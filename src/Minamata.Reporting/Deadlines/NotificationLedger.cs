using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Deadlines;

/// <summary>
/// Every notification, one row per key (table <c>notifications</c>: partition = cycle, row =
/// partner|kind|days). A run may send a notification only after claiming its row: an insert that
/// only one run can win, or, for a failed or abandoned row, a conditional update on its ETag. That
/// is what keeps two runs, or two instances, from sending the same reminder twice.
/// </summary>
public sealed class NotificationLedger(ReportStorageClients storage, TimeProvider clock)
{
    /// <summary>A claim older than this is taken to belong to a run that died while sending.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private TableClient Table => storage.Notifications;

    /// <summary>Notifications of the cycle that reached their end (mailed, or recorded in the outbox).</summary>
    public async Task<IReadOnlyList<PlannedNotification>> DeliveredAsync(string cycle, CancellationToken cancellationToken) =>
        (await ListAsync(cycle, cancellationToken))
            .Where(n => n.Status is NotificationStatus.Sent or NotificationStatus.Recorded)
            .Select(n => new PlannedNotification(n.Cycle, n.Partner, n.Kind, n.DaysBefore))
            .ToList();

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(string? cycle, CancellationToken cancellationToken)
    {
        var filter = cycle is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {cycle}");
        var records = new List<NotificationRecord>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return records.OrderBy(r => r.Cycle, StringComparer.Ordinal).ThenBy(r => r.SentAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.Partner, StringComparer.Ordinal).ToList();
    }

    /// <summary>The claimed row's ETag if this run may send the notification now; null if it is delivered or another run holds it.</summary>
    public async Task<Claim?> TryClaimAsync(PlannedNotification notification, string channel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = new TableEntity(notification.Cycle, notification.Key)
        {
            ["Partner"] = notification.Partner,
            ["Kind"] = notification.Kind,
            ["DaysBefore"] = notification.DaysBefore,
            ["Channel"] = channel,
            ["Status"] = NotificationStatus.Sending,
            ["ClaimedAt"] = now,
            ["Attempts"] = 1,
        };
        try
        {
            var added = await Table.AddEntityAsync(claim, cancellationToken);
            return new Claim(notification, added.Headers.ETag ?? ETag.All, 1);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = (await Table.GetEntityAsync<TableEntity>(notification.Cycle, notification.Key, cancellationToken: cancellationToken)).Value;
        var status = existing.GetString("Status");
        var abandoned = status == NotificationStatus.Sending && existing.GetDateTimeOffset("ClaimedAt") < now - AbandonedAfter;
        if (status != NotificationStatus.Failed && !abandoned)
        {
            return null;
        }

        var attempts = (existing.GetInt32("Attempts") ?? 0) + 1;
        claim["Attempts"] = attempts;
        claim["Error"] = existing.GetString("Error");
        try
        {
            var updated = await Table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return new Claim(notification, updated.Headers.ETag ?? ETag.All, attempts);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    /// <summary>Records how the claimed notification ended.</summary>
    public async Task CompleteAsync(Claim claim, string channel, string status, string? recipient, string? error, CancellationToken cancellationToken)
    {
        var notification = claim.Notification;
        await Table.UpdateEntityAsync(
            new TableEntity(notification.Cycle, notification.Key)
            {
                ["Partner"] = notification.Partner,
                ["Kind"] = notification.Kind,
                ["DaysBefore"] = notification.DaysBefore,
                ["Channel"] = channel,
                ["Status"] = status,
                ["Recipient"] = recipient,
                ["SentAt"] = status == NotificationStatus.Failed ? null : clock.GetUtcNow(),
                ["Error"] = error,
                ["Attempts"] = claim.Attempts,
            },
            claim.ETag,
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private static NotificationRecord FromEntity(TableEntity row) => new(
        row.GetString("Partner"),
        row.PartitionKey,
        row.GetString("Kind"),
        row.GetInt32("DaysBefore") ?? 0,
        row.GetDateTimeOffset("SentAt"),
        row.GetString("Channel"),
        row.GetString("Status"),
        row.GetString("Recipient"),
        row.GetString("Error"),
        row.GetInt32("Attempts") ?? 0);

    /// <summary>A run's hold on one notification.</summary>
    public sealed record Claim(PlannedNotification Notification, ETag ETag, int Attempts);
}
