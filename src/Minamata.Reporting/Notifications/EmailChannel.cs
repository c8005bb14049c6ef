namespace Minamata.Reporting.Notifications;

/// <summary>E-mail through the SMTP relay of <c>Minamata:Smtp</c>; active only when a relay is configured.</summary>
public sealed class EmailChannel(SmtpSender smtp) : INotificationChannel
{
    /// <summary>"smtp", the name earlier ledger rows carry, so that what they record stays delivered.</summary>
    public string Name => "smtp";

    public bool IsActive => smtp.IsConfigured;

    public string DeliveredStatus => NotificationStatus.Sent;

    /// <exception cref="Exception">The relay could not be reached or refused the message.</exception>
    public Task DeliverAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
        smtp.SendAsync(notification.ToMime(smtp.From), cancellationToken);
}
