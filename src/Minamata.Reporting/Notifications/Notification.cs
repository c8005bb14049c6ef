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

    /// <summary>To a partner, once its report is indexed: what was read from it, to check.</summary>
    public const string Receipt = "receipt";

    /// <summary>To a partner, once its report is rejected: why, and what to do.</summary>
    public const string Rejection = "rejection";

    /// <summary>To the secretariat, daily: the reports that arrived since the last one.</summary>
    public const string Arrivals = "arrivals";
}

/// <summary>
/// A notification that is due. Its key (cycle, partner, kind, and the days before the deadline or
/// what it is about) is what makes it go out once: the ledger admits each key one time, however
/// many runs or instances plan it.
/// </summary>
public sealed record PlannedNotification(string Cycle, string Partner, string Kind, int DaysBefore)
{
    /// <summary>What the notification is about, where that is not a day before the deadline: a report's id for its receipt, a date for the arrivals digest.</summary>
    public string? About { get; init; }

    public string Key => About is null ? $"{Partner}|{Kind}|{DaysBefore}" : $"{Partner}|{Kind}|{About}";
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
    /// <summary>What the notification is about: a report's id for a receipt, a date for the arrivals digest; null for deadline messages.</summary>
    public string? About { get; init; }

    /// <summary>Where to read the message, for one the outbox keeps (<c>/api/outbox/...</c>); null for one only mailed.</summary>
    public string? Message { get; init; }

    public PlannedNotification ToPlanned() => new(Cycle, Partner, Kind, DaysBefore) { About = About };
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
