using Minamata.Reporting.Access;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Index;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Tests.Deadlines;

/// <summary>The planner over a table of cases: deadline 2027-08-15, meeting 2027-11-01, reminders 30, 14, 7 and 1 days before.</summary>
public sealed class NotificationPlannerTests
{
    private static readonly ReportingCycle Cycle = new("COP-7", "Seventh meeting", new DateOnly(2027, 11, 1), new DateOnly(2027, 8, 15), ["WHO"], [30, 14, 7, 1]);
    private static readonly Partner[] Partners = [new("WHO", "World Health Organization", "focal@who.example", "en"), new("ILO", "ILO", "focal@ilo.example", "fr")];

    [Theory]
    [InlineData("2027-07-15", null, null)]              // 31 days before: before the first reminder
    [InlineData("2027-07-16", "reminder", 30)]          // each reminder day
    [InlineData("2027-08-01", "reminder", 14)]
    [InlineData("2027-08-08", "reminder", 7)]
    [InlineData("2027-08-14", "reminder", 1)]
    [InlineData("2027-08-15", "reminder", 1)]           // the deadline day: the last reminder, if it has not gone
    [InlineData("2027-08-16", "overdue", -1)]           // the day after
    [InlineData("2027-10-31", "overdue", -1)]           // an overdue notice missed while down still goes, until the meeting
    [InlineData("2027-11-01", null, null)]              // once the meeting opens, nothing
    public void The_notification_due_on_a_day_for_a_partner_that_has_not_submitted(string day, string? kind, int? days)
    {
        var due = NotificationPlanner.Plan([Cycle], Partners, [], [], At(day));

        if (kind is null)
        {
            Assert.Empty(due);
            return;
        }

        Assert.Equal(new PlannedNotification("COP-7", "WHO", kind, days!.Value), Assert.Single(due));
    }

    [Fact]
    public void After_downtime_across_two_reminder_days_only_the_most_recent_missed_reminder_goes_once()
    {
        // The 30-day reminder went out; the system was down on the 14-day (08-01) and 7-day (08-08) reminder days.
        var delivered = new List<PlannedNotification> { new("COP-7", "WHO", NotificationKind.Reminder, 30) };

        var back = NotificationPlanner.Plan([Cycle], Partners, [], delivered, At("2027-08-10"));
        Assert.Equal(new PlannedNotification("COP-7", "WHO", NotificationKind.Reminder, 7), Assert.Single(back));
        delivered.AddRange(back);

        Assert.Empty(NotificationPlanner.Plan([Cycle], Partners, [], delivered, At("2027-08-11")));
        Assert.Equal(1, Assert.Single(NotificationPlanner.Plan([Cycle], Partners, [], delivered, At("2027-08-14"))).DaysBefore);
    }

    [Fact]
    public void A_reminder_already_delivered_is_not_planned_again_and_no_reminder_goes_after_the_deadline()
    {
        var delivered = new[] { new PlannedNotification("COP-7", "WHO", NotificationKind.Reminder, 1) };

        Assert.Empty(NotificationPlanner.Plan([Cycle], Partners, [], delivered, At("2027-08-15")));
        Assert.All(NotificationPlanner.Plan([Cycle], Partners, [], [], At("2027-09-01")), n => Assert.Equal(NotificationKind.Overdue, n.Kind));
    }

    [Fact]
    public void A_partner_that_submitted_gets_nothing_and_one_with_only_superseded_or_rejected_reports_still_does()
    {
        Assert.Empty(NotificationPlanner.Plan([Cycle], Partners, [Report(ReportStatus.Indexed)], [], At("2027-08-08")));
        Assert.Single(NotificationPlanner.Plan([Cycle], Partners, [Report(ReportStatus.Superseded)], [], At("2027-08-08")));
        Assert.Single(NotificationPlanner.Plan([Cycle], Partners, [Report(ReportStatus.Rejected), Report(ReportStatus.Received)], [], At("2027-08-08")));
        Assert.Single(NotificationPlanner.Plan([Cycle], Partners, [Report(ReportStatus.Indexed) with { Cycle = "OEWG-1" }], [], At("2027-08-08")));
    }

    [Fact]
    public void A_cycle_with_no_expected_partners_or_an_expected_partner_never_registered_plans_nothing()
    {
        Assert.Empty(NotificationPlanner.Plan([Cycle with { ExpectedPartners = [] }], Partners, [], [], At("2027-08-08")));
        Assert.Empty(NotificationPlanner.Plan([Cycle with { ExpectedPartners = ["UNKNOWN"] }], Partners, [], [], At("2027-08-08")));
    }

    [Fact]
    public void Days_are_counted_in_utc_dates()
    {
        // 23:59 on 2027-08-07 UTC is still eight days before, whatever the time zone of the caller.
        Assert.Empty(NotificationPlanner.Plan([Cycle], Partners, [], [new PlannedNotification("COP-7", "WHO", NotificationKind.Reminder, 14)], new DateTimeOffset(2027, 8, 8, 1, 0, 0, TimeSpan.FromHours(3))));
        Assert.Equal(7, Assert.Single(NotificationPlanner.Plan([Cycle], Partners, [], [], new DateTimeOffset(2027, 8, 8, 0, 0, 0, TimeSpan.Zero))).DaysBefore);
    }

    [Fact]
    public void Messages_are_in_the_partners_language_with_english_as_the_fallback_and_values_encoded_in_html()
    {
        var values = new Dictionary<string, string> { ["name"] = "<b>Org</b>", ["cycle"] = "COP-7", ["title"] = "T", ["deadline"] = "2027-08-15", ["days"] = "7", ["portal"] = "https://minamata.example/", ["api"] = "https://minamata.example/api/uploads" };

        Assert.StartsWith("Rappel", MessageTemplates.Render("fr", NotificationKind.Reminder, values).Subject);
        Assert.StartsWith("Напоминание", MessageTemplates.Render("ru", NotificationKind.Reminder, values).Subject);
        Assert.StartsWith("提醒", MessageTemplates.Render("zh", NotificationKind.Reminder, values).Subject);
        Assert.StartsWith("تذكير", MessageTemplates.Render("ar", NotificationKind.Reminder, values).Subject);
        Assert.StartsWith("Recordatorio", MessageTemplates.Render("es", NotificationKind.Reminder, values).Subject);
        var german = MessageTemplates.Render("de", NotificationKind.Overdue, values);
        Assert.Equal("en", german.Language);
        Assert.Contains("<b>Org</b>", german.Text);
        Assert.Contains("&lt;b&gt;Org&lt;/b&gt;", german.Html);
        Assert.Contains("<a href=\"https://minamata.example/api/uploads\">", german.Html);
        Assert.Equal(["ar", "en", "es", "fr", "ru", "zh"], MessageTemplates.Languages.Order());
    }

    private static DateTimeOffset At(string day) => new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);

    private static ReportRecord Report(string status) => new()
    {
        Id = "WHO-" + status, Partner = "WHO", Cycle = "COP-7", Status = status, FileName = "r.txt", BlobName = "b", ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
