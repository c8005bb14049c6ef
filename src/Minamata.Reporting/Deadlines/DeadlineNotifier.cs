using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Index;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Receipts;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Deadlines;

/// <summary>
/// One run of the deadline reminders, called by the Functions timer and the server's scheduled loop
/// with the current time: plans what is due, and has the dispatcher deliver each notification on
/// every channel, in the partner's language, to its focal points; then, if any reminder went out for
/// a cycle, sends the secretariat a digest of who has submitted and who is missing. The same daily
/// run sends the secretariat the list of reports that arrived, and any receipt left unsent.
/// </summary>
public sealed class DeadlineNotifier(
    CycleStore cycles,
    PartnerDirectory partners,
    ReportIndex index,
    NotificationLedger ledger,
    NotificationDispatcher dispatcher,
    ReportReceipts receipts,
    ArrivalsDigest arrivals,
    IOptions<DeadlineOptions> deadlines,
    IOptions<PublicOptions> publicOptions,
    TimeProvider clock,
    ILogger<DeadlineNotifier> logger)
{

    /// <returns>What the run did, counted per channel delivery.</returns>
    public async Task<DispatchCounts> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var directory = (await partners.ListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var total = DispatchCounts.None;
        foreach (var cycle in await cycles.ListAsync(cancellationToken))
        {
            var reports = await index.ListCycleAsync(cycle.Id, null, cancellationToken);
            var deliveries = await ledger.DeliveredAsync(cycle.Id, cancellationToken);
            var due = NotificationPlanner.Plan([cycle], directory.Values, reports, dispatcher.DeliveredEverywhere(deliveries), now);
            var forCycle = DispatchCounts.None;
            foreach (var notification in due)
            {
                var partner = directory[notification.Partner];
                var outgoing = new OutgoingNotification(notification, new Recipients([partner.Email], partner.Cc), Message(partner, cycle, notification, now));
                forCycle += await dispatcher.DispatchAsync(outgoing, deliveries, cancellationToken);
            }

            if (forCycle.Delivered > 0 && deadlines.Value.DigestTo is { Length: > 0 } digestTo)
            {
                var digest = new PlannedNotification(cycle.Id, Caller.SecretariatName, NotificationKind.Digest, cycle.SubmissionDeadline.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber);
                forCycle += await dispatcher.DispatchAsync(new OutgoingNotification(digest, Recipients.Only(digestTo), Digest(cycle, reports, directory)), deliveries, cancellationToken);
            }

            forCycle += await receipts.CatchUpAsync(cycle, reports, directory, deliveries, cancellationToken);
            forCycle += await arrivals.SendAsync(cycle, reports, directory, deliveries, now, cancellationToken);
            total += forCycle;
        }

        logger.LogInformation("Deadline run: {Delivered} delivered, {Failed} failed, {Held} held by another run (counted per channel).", total.Delivered, total.Failed, total.Held);
        return total;
    }

    private RenderedMessage Message(Partner partner, ReportingCycle cycle, PlannedNotification notification, DateTimeOffset now) =>
        MessageTemplates.Render(partner.Language, notification.Kind, new Dictionary<string, string>
        {
            ["name"] = partner.Name,
            ["cycle"] = cycle.Id,
            ["title"] = cycle.Title,
            ["deadline"] = cycle.SubmissionDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = (cycle.SubmissionDeadline.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber).ToString(CultureInfo.InvariantCulture),
            // The portal opened on this cycle, not on whichever the partner would land on.
            ["portal"] = PublicUrl + ApiRoutes.PortalCyclePath(cycle.Id),
            ["api"] = $"{PublicUrl}/api/uploads",
        });

    private RenderedMessage Digest(ReportingCycle cycle, IReadOnlyList<ReportRecord> reports, Dictionary<string, Partner> directory)
    {
        var status = CycleStatus.Compute(cycle, reports, onlyPartner: null);
        var standings = string.Join("\n", status.Partners.Select(p => $"- {directory.GetValueOrDefault(p.Id)?.Name ?? p.Id} ({p.Id}): {p.State}"));
        return MessageTemplates.Render(MessageTemplates.Fallback, NotificationKind.Digest, new Dictionary<string, string>
        {
            ["cycle"] = cycle.Id,
            ["title"] = cycle.Title,
            ["deadline"] = cycle.SubmissionDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["received"] = status.Partners.Count(p => p.State != CycleStatus.Missing).ToString(CultureInfo.InvariantCulture),
            ["missing"] = status.Partners.Count(p => p.State == CycleStatus.Missing).ToString(CultureInfo.InvariantCulture),
            ["standings"] = standings,
            ["notifications"] = $"{PublicUrl}/api/notifications?cycle={cycle.Id}",
        });
    }

    private string PublicUrl => publicOptions.Value.PublicUrl.TrimEnd('/');
}
