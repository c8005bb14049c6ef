namespace Minamata.Reporting.Submissions;

/// <summary>
/// A reporting cycle: the meeting partners report to, the day reports are due (inclusive, UTC),
/// who is expected to report, and how many days before the deadline reminders go out.
/// </summary>
public sealed record ReportingCycle(
    string Id,
    string Title,
    DateOnly MeetingStart,
    DateOnly SubmissionDeadline,
    IReadOnlyList<string> ExpectedPartners,
    IReadOnlyList<int> ReminderDays)
{
    public static readonly IReadOnlyList<int> DefaultReminderDays = [30, 14, 7, 1];

    /// <summary>Whether something that arrived at <paramref name="arrival"/> was after the deadline day.</summary>
    public bool IsLate(DateTimeOffset arrival) => DateOnly.FromDateTime(arrival.UtcDateTime) > SubmissionDeadline;
}
