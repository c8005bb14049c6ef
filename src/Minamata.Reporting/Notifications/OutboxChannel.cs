using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Notifications;

/// <summary>
/// Keeps every message as the e-mail it is (<c>.eml</c>) in the <c>outbox</c> container, named
/// <c>{cycle}/{partner}/{kind}[-{days}].eml</c>: the secretariat's copy of what partners were told,
/// and, where no relay is configured, the only place the messages are. Always active.
/// </summary>
public sealed class OutboxChannel(ReportStorageClients storage, IOptions<SmtpOptions> smtp) : INotificationChannel
{
    public const string ChannelName = "outbox";

    public string Name => ChannelName;

    public bool IsActive => true;

    public string DeliveredStatus => NotificationStatus.Recorded;

    public async Task DeliverAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await notification.ToMime(smtp.Value.From).WriteToAsync(content, cancellationToken);
        content.Position = 0;
        // Overwrites: a run that died after writing and before recording comes back to the same message.
        await storage.Outbox.GetBlobClient(BlobName(notification.Notification)).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" } },
            cancellationToken);
    }

    public static string BlobName(PlannedNotification notification) => BlobName(notification.Cycle, notification.Partner, MessageName(notification));

    public static string BlobName(string cycle, string partner, string message) => $"{cycle}/{partner}/{message}.eml";

    /// <summary>
    /// The message's name among the partner's in the cycle: its kind, and what it is about
    /// (<c>receipt-WHO-0a1b...</c>, <c>arrivals-2027-08-15</c>) or the days before the deadline for
    /// those sent before it (<c>reminder-14</c>).
    /// </summary>
    public static string MessageName(PlannedNotification notification) =>
        notification.About is { } about ? $"{notification.Kind}-{about}"
        : notification.DaysBefore >= 0 ? $"{notification.Kind}-{notification.DaysBefore}"
        : notification.Kind;
}
