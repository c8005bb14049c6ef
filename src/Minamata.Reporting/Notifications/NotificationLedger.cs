using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Notifications;

/// <summary>
/// Every notification on every channel, one row each (table <c>notifications</c>: partition =
/// cycle, row = partner|kind|days|channel). A run may deliver a notification on a channel only after
/// claiming its row: an insert that only one run can win, or, for a failed or abandoned row, a
/// conditional update on its ETag. That is what keeps two runs, or two instances, from sending the
/// same reminder twice, and what lets one channel be retried without the others.
/// </summary>
public sealed class NotificationLedger(ReportStorageClients storage, TimeProvider clock)
{
    /// <summary>A claim older than this is taken to belong to a run that died while sending.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private TableClient Table => storage.Notifications;

    /// <summary>
    /// What reached its end on which channel (mailed, or kept in the outbox). Read from the rows'
    /// columns, not their keys, so rows written before the channel was part of the key still count.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> DeliveredAsync(string cycle, CancellationToken cancellationToken) =>
        (await ListAsync(cycle, cancellationToken))
            .Where(n => n.Status is NotificationStatus.Sent or NotificationStatus.Recorded)
            .Select(n => new Delivery(n.ToPlanned(), n.Channel))
            .ToList();

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(string? cycle, CancellationToken cancellationToken)
    {
        var filter = cycle is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {cycle}");
        var records = new List<NotificationRecord>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return records
            .OrderBy(r => r.Cycle, StringComparer.Ordinal)
            .ThenBy(r => r.SentAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Partner, StringComparer.Ordinal)
            .ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A hold on the row if this run may deliver the notification on the channel now; null if it is delivered or another run holds it.</summary>
    public async Task<Claim?> TryClaimAsync(PlannedNotification notification, string channel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = Row(notification, channel, NotificationStatus.Sending);
        claim["ClaimedAt"] = now;
        claim["Attempts"] = 1;
        try
        {
            var added = await Table.AddEntityAsync(claim, cancellationToken);
            return new Claim(notification, channel, added.Headers.ETag ?? ETag.All, 1);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        // Taken over only if it failed or its run died; after a conflict, decided again on the row as it is now.
        if (await ReadAsync(claim, cancellationToken) is not { } current)
        {
            return null;
        }

        var outcome = await OptimisticUpdate.ApplyAsync(
            current,
            existing =>
            {
                var status = existing.GetString("Status");
                var abandoned = status == NotificationStatus.Sending && existing.GetDateTimeOffset("ClaimedAt") < now - AbandonedAfter;
                if (status != NotificationStatus.Failed && !abandoned)
                {
                    return null;
                }

                var retry = new TableEntity(claim) { ETag = existing.ETag };
                retry["Attempts"] = (existing.GetInt32("Attempts") ?? 0) + 1;
                retry["Error"] = existing.GetString("Error");
                return retry;
            },
            row => TryReplaceAsync(row, cancellationToken),
            () => ReadAsync(claim, cancellationToken),
            $"The notification row {notification.Cycle}/{claim.RowKey}");
        return outcome is { Written: true, Row: { } row } ? new Claim(notification, channel, row.ETag, row.GetInt32("Attempts") ?? 1) : null;
    }

    /// <summary>Records how the claimed delivery ended.</summary>
    public async Task CompleteAsync(Claim claim, string status, Recipients recipients, string? error, CancellationToken cancellationToken)
    {
        var row = Row(claim.Notification, claim.Channel, status);
        row["Recipient"] = recipients.ToString();
        row["SentAt"] = status == NotificationStatus.Failed ? null : clock.GetUtcNow();
        row["Error"] = error;
        row["Attempts"] = claim.Attempts;
        await Table.UpdateEntityAsync(row, claim.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    private static TableEntity Row(PlannedNotification notification, string channel, string status) => new(notification.Cycle, $"{notification.Key}|{channel}")
    {
        ["Partner"] = notification.Partner,
        ["Kind"] = notification.Kind,
        ["DaysBefore"] = notification.DaysBefore,
        ["About"] = notification.About,
        ["Channel"] = channel,
        ["Status"] = status,
    };

    private async Task<TableEntity?> ReadAsync(TableEntity row, CancellationToken cancellationToken) =>
        await Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken) is { HasValue: true } found ? found.Value : null;

    private async Task<TableEntity?> TryReplaceAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
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
        row.GetInt32("Attempts") ?? 0)
    {
        About = row.GetString("About"),
    };

    /// <summary>A notification delivered on one channel.</summary>
    public sealed record Delivery(PlannedNotification Notification, string Channel);

    /// <summary>A run's hold on one notification's row for one channel.</summary>
    public sealed record Claim(PlannedNotification Notification, string Channel, ETag ETag, int Attempts);
}
