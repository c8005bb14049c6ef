namespace Minamata.Reporting.Notifications;

/// <summary>
/// A way a notification reaches people. Each active channel delivers every notification once, on
/// its own ledger row, so one channel's failure is retried without repeating the others. A new
/// channel is one class and one line in <see cref="NotificationServices.AddNotifications"/>.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The channel's name in the ledger and in <c>GET /api/notifications</c>.</summary>
    string Name { get; }

    /// <summary>Whether the channel delivers in this deployment (e-mail only with a relay configured).</summary>
    bool IsActive { get; }

    /// <summary>The ledger status once delivered: <see cref="NotificationStatus.Sent"/>, or <see cref="NotificationStatus.Recorded"/> for a channel that keeps the message.</summary>
    string DeliveredStatus { get; }

    /// <exception cref="Exception">The channel could not deliver; the ledger records the failure and the next run tries again.</exception>
    Task DeliverAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}
