using Microsoft.Extensions.Logging;

namespace Minamata.Reporting.Notifications;

/// <summary>What one dispatch did, counted per channel delivery.</summary>
public sealed record DispatchCounts(int Delivered, int Failed, int Held)
{
    public static readonly DispatchCounts None = new(0, 0, 0);

    public static DispatchCounts operator +(DispatchCounts a, DispatchCounts b) => new(a.Delivered + b.Delivered, a.Failed + b.Failed, a.Held + b.Held);
}

/// <summary>
/// Delivers a notification on every active channel that has not delivered it yet: claim the
/// channel's ledger row, deliver, record how it ended. A channel that fails is recorded as failed
/// on its own row and retried by the next run; the others are not repeated.
/// </summary>
public sealed class NotificationDispatcher(IEnumerable<INotificationChannel> channels, NotificationLedger ledger, ILogger<NotificationDispatcher> logger)
{
    private readonly IReadOnlyList<INotificationChannel> active = channels.Where(c => c.IsActive).ToList();

    /// <summary>The notifications in <paramref name="deliveries"/> that every active channel has delivered: nothing is left to do for them.</summary>
    public IReadOnlyList<PlannedNotification> DeliveredEverywhere(IEnumerable<NotificationLedger.Delivery> deliveries) =>
        deliveries
            .GroupBy(d => d.Notification)
            .Where(g => active.All(c => g.Any(d => d.Channel == c.Name)))
            .Select(g => g.Key)
            .ToList();

    public async Task<DispatchCounts> DispatchAsync(OutgoingNotification outgoing, IReadOnlyCollection<NotificationLedger.Delivery> deliveries, CancellationToken cancellationToken)
    {
        var counts = DispatchCounts.None;
        foreach (var channel in active.Where(c => !deliveries.Contains(new NotificationLedger.Delivery(outgoing.Notification, c.Name))))
        {
            counts += await DeliverAsync(channel, outgoing, cancellationToken);
        }

        return counts;
    }

    private async Task<DispatchCounts> DeliverAsync(INotificationChannel channel, OutgoingNotification outgoing, CancellationToken cancellationToken)
    {
        var notification = outgoing.Notification;
        if (await ledger.TryClaimAsync(notification, channel.Name, cancellationToken) is not { } claim)
        {
            return new DispatchCounts(0, 0, 1);
        }

        try
        {
            await channel.DeliverAsync(outgoing, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Delivering {Kind} for {Cycle} to {Partner} on {Channel} failed; the next run tries again.", notification.Kind, notification.Cycle, notification.Partner, channel.Name);
            await ledger.CompleteAsync(claim, NotificationStatus.Failed, outgoing.Recipients, e.Message, cancellationToken);
            return new DispatchCounts(0, 1, 0);
        }

        await ledger.CompleteAsync(claim, channel.DeliveredStatus, outgoing.Recipients, null, cancellationToken);
        return new DispatchCounts(1, 0, 0);
    }
}
