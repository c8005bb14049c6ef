using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Deadlines;

/// <summary>
/// Which notifications are due now: a pure function of the cycles, the partners, their reports,
/// what was already delivered and the time. Days are UTC dates. A partner with an indexed report
/// for the cycle gets nothing. Before the deadline, the most recent reminder day that has come is
/// due (so after downtime only the latest missed reminder goes, once); on the deadline day the
/// last reminder may still go; after it, never a reminder, but one overdue notice until the meeting.
/// </summary>
public static class NotificationPlanner
{
    public static IReadOnlyList<PlannedNotification> Plan(
        IEnumerable<ReportingCycle> cycles,
        IEnumerable<Partner> partners,
        IEnumerable<ReportRecord> reports,
        IEnumerable<PlannedNotification> delivered,
        DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var known = partners.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var submitted = reports.Where(r => r.Status == ReportStatus.Indexed && r.Cycle is not null).Select(r => (r.Cycle!, r.Partner)).ToHashSet();
        var done = delivered.ToHashSet();
        var due = new List<PlannedNotification>();
        foreach (var cycle in cycles.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var daysLeft = cycle.SubmissionDeadline.DayNumber - today.DayNumber;
            PlannedNotification? Next(string partner)
            {
                if (daysLeft >= 0)
                {
                    var reminder = cycle.ReminderDays.Where(d => d >= daysLeft).Order().Cast<int?>().FirstOrDefault();
                    return reminder is { } days ? new PlannedNotification(cycle.Id, partner, NotificationKind.Reminder, days) : null;
                }

                return today < cycle.MeetingStart ? new PlannedNotification(cycle.Id, partner, NotificationKind.Overdue, -1) : null;
            }

            foreach (var partner in cycle.ExpectedPartners.Where(known.Contains).Where(p => !submitted.Contains((cycle.Id, p))).Order(StringComparer.Ordinal))
            {
                if (Next(partner) is { } notification && !done.Contains(notification))
                {
                    due.Add(notification);
                }
            }
        }

        return due;
    }
}
