namespace Minamata.Reporting.Submissions;

/// <summary>
/// A reporting cycle: the meeting partners report to, the day reports are due (inclusive, UTC),
/// who is expected to report, and how many days before the deadline reminders go out; and what the
/// meeting's documents print (venue, last day, agenda item) and the INF series its reports are
/// issued in, where the secretariat has set them; and whether partners get a receipt for each
/// report (on unless the secretariat turns it off).
/// </summary>
public sealed record ReportingCycle(
    string Id,
    string Title,
    DateOnly MeetingStart,
    DateOnly SubmissionDeadline,
    IReadOnlyList<string> ExpectedPartners,
    IReadOnlyList<int> ReminderDays,
    string? Venue = null,
    DateOnly? MeetingEnd = null,
    AgendaItem? AgendaItem = null,
    InfSeries? InfSeries = null,
    bool Receipts = true)
{
    public static readonly IReadOnlyList<int> DefaultReminderDays = [30, 14, 7, 1];

    /// <summary>Whether something that arrived at <paramref name="arrival"/> was after the deadline day.</summary>
    public bool IsLate(DateTimeOffset arrival) => DateOnly.FromDateTime(arrival.UtcDateTime) > SubmissionDeadline;
}

/// <summary>The item of the meeting's provisional agenda the cycle's reports are for: "5 (k)", "International cooperation and coordination".</summary>
public sealed record AgendaItem(string Number, string Title);

/// <summary>Where the meeting's information documents are numbered: "UNEP/MC/COP.7/INF/" from 1.</summary>
public sealed record InfSeries(string Prefix, int First);
