namespace Minamata.Reporting.Notifications;

/// <summary>What kind of message a notification is.</summary>
public static class NotificationKind
{
    /// <summary>Days before the deadline, to a partner that has not submitted.</summary>
    public const string Reminder = "reminder";

    /// <summary>After the deadline, to a partner that still has not submitted.</summary>
    public const string Overdue = "overdue";

    /// <summary>To the secretariat, whenever reminders went out: who has submitted, who is missing.</summary>
    public const string Digest = "digest";
}

/// <summary>
/// A notification the planner says is due. Its key (cycle, partner, kind, days) is what makes it
/// go out once: the ledger admits each key one time, however many runs or instances plan it.
/// </summary>
public sealed record PlannedNotification(string Cycle, string Partner, string Kind, int DaysBefore)
{
    public string Key => $"{Partner}|{Kind}|{DaysBefore}";
}

/// <summary>A notification as the ledger keeps it and <c>GET /api/notifications</c> shows it.</summary>
public sealed record NotificationRecord(
    string Partner,
    string Cycle,
    string Kind,
    int DaysBefore,
    DateTimeOffset? SentAt,
    string Channel,
    string Status,
    string? Recipient,
    string? Error,
    int Attempts)
{
    /// <summary>Where to read the message, for one the outbox keeps (<c>/api/outbox/...</c>); null for one only mailed.</summary>
    public string? Message { get; init; }
}

/// <summary>Ledger states.</summary>
public static class NotificationStatus
{
    /// <summary>Claimed by a run that is sending it now.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>No mail relay is configured: recorded for the secretariat to see, not mailed.</summary>
    public const string Recorded = "recorded";

    /// <summary>The relay refused it or could not be reached; the next run tries again.</summary>
    public const string Failed = "failed";
}
