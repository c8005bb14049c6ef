using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Deadlines;

/// <summary>What one run did.</summary>
public sealed record NotificationRun(int Sent, int Failed, int Skipped);

/// <summary>
/// One run of the deadline reminders, called by the Functions timer and the server's scheduled loop
/// with the current time: plans what is due, claims each notification in the ledger, sends it in
/// the partner's language and records how it ended; then, if any reminder went out for a cycle,
/// sends the secretariat a digest of who has submitted and who is missing.
/// </summary>
public sealed class DeadlineNotifier(
    CycleStore cycles,
    PartnerDirectory partners,
    ReportIndex index,
    NotificationLedger ledger,
    MailChannel channel,
    IOptions<DeadlineOptions> deadlines,
    IOptions<PublicOptions> publicOptions,
    TimeProvider clock,
    ILogger<DeadlineNotifier> logger)
{
    private const string Secretariat = "secretariat";

    public async Task<NotificationRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var directory = (await partners.ListAsync(cancellationToken)).ToDictionary(p => p.Id);
        int sent = 0, failed = 0, skipped = 0;
        foreach (var cycle in await cycles.ListAsync(cancellationToken))
        {
            var reports = await index.ListCycleAsync(cycle.Id, null, cancellationToken);
            var delivered = await ledger.DeliveredAsync(cycle.Id, cancellationToken);
            var due = NotificationPlanner.Plan([cycle], directory.Values, reports, delivered, now);
            var sentForCycle = 0;
            foreach (var notification in due)
            {
                var partner = directory[notification.Partner];
                var outcome = await DeliverAsync(notification, partner.Email, Message(partner, cycle, notification, now), cancellationToken);
                sent += outcome == true ? 1 : 0;
                failed += outcome == false ? 1 : 0;
                skipped += outcome is null ? 1 : 0;
                sentForCycle += outcome == true ? 1 : 0;
            }

            if (sentForCycle > 0 && deadlines.Value.DigestTo is { Length: > 0 } digestTo)
            {
                var digest = new PlannedNotification(cycle.Id, Secretariat, NotificationKind.Digest, cycle.SubmissionDeadline.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber);
                await DeliverAsync(digest, digestTo, Digest(cycle, reports, directory), cancellationToken);
            }
        }

        logger.LogInformation("Deadline run: {Sent} sent, {Failed} failed, {Skipped} held by another run.", sent, failed, skipped);
        return new NotificationRun(sent, failed, skipped);
    }

    /// <summary>True when delivered, false when the relay failed (the next run retries), null when another run holds it or it was delivered meanwhile.</summary>
    private async Task<bool?> DeliverAsync(PlannedNotification notification, string recipient, RenderedMessage message, CancellationToken cancellationToken)
    {
        if (await ledger.TryClaimAsync(notification, channel.Name, cancellationToken) is not { } claim)
        {
            return null;
        }

        try
        {
            await channel.SendAsync(recipient, message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sending {Kind} for {Cycle} to {Partner} failed; the next run tries again.", notification.Kind, notification.Cycle, notification.Partner);
            await ledger.CompleteAsync(claim, channel.Name, NotificationStatus.Failed, recipient, e.Message, cancellationToken);
            return false;
        }

        var status = channel.Name == MailChannel.Outbox ? NotificationStatus.Recorded : NotificationStatus.Sent;
        await ledger.CompleteAsync(claim, channel.Name, status, recipient, null, cancellationToken);
        return true;
    }

    private RenderedMessage Message(Partner partner, ReportingCycle cycle, PlannedNotification notification, DateTimeOffset now) =>
        MessageTemplates.Render(partner.Language, notification.Kind, new Dictionary<string, string>
        {
            ["name"] = partner.Name,
            ["cycle"] = cycle.Id,
            ["title"] = cycle.Title,
            ["deadline"] = cycle.SubmissionDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = (cycle.SubmissionDeadline.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber).ToString(CultureInfo.InvariantCulture),
            ["portal"] = PublicUrl + "/",
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
