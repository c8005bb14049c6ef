using Microsoft.Extensions.Options;
using Minamata.Reporting.Access;
using Minamata.Reporting.Api;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Index;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Receipts;

/// <summary>
/// Tells a partner's focal points, in the partner's language, that a report was indexed (with what
/// was read from it, so that a wrong value is spotted) or rejected (with the reason and what to do).
/// One message per report and state: the ledger admits each (report, state) once on each channel,
/// however often or concurrently the intake gives the verdict. The intake sends it right after the
/// verdict; the daily run sends any that a crash in between left unsent.
/// </summary>
public sealed class ReportReceipts(
    CycleStore cycles,
    PartnerDirectory partners,
    ReportHistory history,
    NotificationDispatcher dispatcher,
    IOptions<PublicOptions> publicOptions,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock)
{
    private const string NotFound = "—";

    /// <summary>
    /// How long after its arrival a report gets a receipt at all: a verdict on an older one (a
    /// re-extraction after an upgrade) tells its partner nothing new, so nothing is sent; and how far
    /// back the daily run looks for receipts left unsent.
    /// </summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromDays(7);

    /// <summary>The receipt a report's state calls for; null for a state that has none, or a report without a cycle to file it under.</summary>
    public static PlannedNotification? For(ReportRecord report)
    {
        var kind = report.Status switch
        {
            ReportStatus.Indexed => NotificationKind.Receipt,
            ReportStatus.Rejected => NotificationKind.Rejection,
            _ => null,
        };
        return kind is null || !CycleId.IsValid(report.Cycle) ? null : new PlannedNotification(report.Cycle!, report.Partner, kind, -1) { About = report.Id };
    }

    /// <summary>Sends the receipt for the report as it is now, looking up its partner and cycle; what the intake calls after a verdict.</summary>
    public async Task<DispatchCounts> SendAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        if (For(report) is not { } receipt || report.ReceivedAt < clock.GetUtcNow() - CatchUpWindow || await partners.GetAsync(report.Partner, cancellationToken) is not { } partner)
        {
            return DispatchCounts.None;
        }

        return await SendAsync(report, receipt, partner, await cycles.GetAsync(report.Cycle!, cancellationToken), [], cancellationToken);
    }

    /// <summary>
    /// Sends the receipts that the cycle's reports of the last <see cref="CatchUpWindow"/> are
    /// missing on some channel: those a crash between verdict and receipt, or a relay that was down, left unsent.
    /// </summary>
    public async Task<DispatchCounts> CatchUpAsync(
        ReportingCycle cycle,
        IEnumerable<ReportRecord> reports,
        IReadOnlyDictionary<string, Partner> directory,
        IReadOnlyCollection<NotificationLedger.Delivery> deliveries,
        CancellationToken cancellationToken)
    {
        if (!cycle.Receipts)
        {
            return DispatchCounts.None;
        }

        var done = dispatcher.DeliveredEverywhere(deliveries).ToHashSet();
        var counts = DispatchCounts.None;
        foreach (var report in reports.Where(r => r.ReceivedAt >= clock.GetUtcNow() - CatchUpWindow))
        {
            if (For(report) is { } receipt && !done.Contains(receipt) && directory.TryGetValue(report.Partner, out var partner))
            {
                counts += await SendAsync(report, receipt, partner, cycle, deliveries, cancellationToken);
            }
        }

        return counts;
    }

    private async Task<DispatchCounts> SendAsync(
        ReportRecord report, PlannedNotification receipt, Partner partner, ReportingCycle? cycle, IReadOnlyCollection<NotificationLedger.Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (cycle is { Receipts: false })
        {
            return DispatchCounts.None;
        }

        var recipients = new Recipients([partner.Email], partner.Cc);
        var counts = await dispatcher.DispatchAsync(new OutgoingNotification(receipt, recipients, Message(report, partner, cycle, receipt.Kind)), deliveries, cancellationToken);
        if (smtp.Value.IsConfigured && counts is { Delivered: > 0, Failed: 0, Held: 0 })
        {
            // The report's page tells the partner a receipt was mailed, and to whom; not for one only kept in the outbox.
            await history.AppendOnceAsync(report.Id, ReportHistory.ReceiptSent, $"{ReportHistory.ReceiptSent}-{report.Status}", "notifications", recipients.ToString(), cancellationToken);
        }

        return counts;
    }

    private RenderedMessage Message(ReportRecord report, Partner partner, ReportingCycle? cycle, string kind)
    {
        var metadata = report.Metadata;
        return MessageTemplates.Render(partner.Language, kind, new Dictionary<string, string>
        {
            ["name"] = partner.Name,
            ["cycle"] = report.Cycle!,
            ["title"] = cycle?.Title ?? report.Cycle!,
            ["file"] = report.FileName,
            ["doctitle"] = metadata?.Title ?? NotFound,
            ["symbol"] = metadata?.Symbol ?? NotFound,
            ["date"] = metadata?.DocumentDate ?? NotFound,
            ["period"] = metadata?.ReportingPeriod is { } period ? $"{period.Start} – {period.End}" : NotFound,
            ["language"] = metadata?.Language ?? NotFound,
            ["reason"] = report.Error?.Message ?? NotFound,
            ["link"] = PublicUrl + ApiRoutes.PortalReportPath(report.Id),
            ["portal"] = PublicUrl + ApiRoutes.PortalCyclePath(report.Cycle!),
        });
    }

    private string PublicUrl => publicOptions.Value.PublicUrl.TrimEnd('/');
}
