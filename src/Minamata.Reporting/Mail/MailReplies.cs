using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Minamata.Reporting.Api;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Notifications;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Mail;

/// <summary>
/// Answers a message the mail intake could not take, in the partner's language (English to an
/// unknown sender), saying what to do; threaded under the message it answers. Without a mail relay
/// nothing is sent: the message waits in the folder that needs attention all the same.
/// </summary>
public sealed class MailReplies(
    SmtpSender smtp,
    CycleStore cycles,
    IOptions<ExtractionOptions> extraction,
    IOptions<PublicOptions> publicOptions,
    TimeProvider clock,
    ILogger<MailReplies> logger)
{
    public async Task SendAsync(MimeMessage original, MailTriageResult triage, CancellationToken cancellationToken)
    {
        if (MailTriage.ReplyAddress(original) is not { } to || triage.Problem is null)
        {
            return;
        }

        if (!smtp.IsConfigured)
        {
            logger.LogWarning("No mail relay is configured: {Address} is not told that their message needs attention ({Problem}).", to.Address, triage.Problem);
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = triage.Partner is null ? [] : MailTriage.OpenCycles(triage.Partner, await cycles.ListAsync(cancellationToken), today);
        var portal = publicOptions.Value.PublicUrl.TrimEnd('/') + ApiRoutes.PortalStart;
        var rendered = MessageTemplates.Render(triage.Partner?.Language ?? MessageTemplates.Fallback, "mail-" + triage.Problem, new Dictionary<string, string>
        {
            ["name"] = triage.Partner?.Name ?? to.Address,
            ["subject"] = original.Subject ?? "",
            ["address"] = to.Address,
            ["cycles"] = open.Count == 0 ? "—" : string.Join("\n", open.Select(c => $"{c.Id}: {c.Title} ({c.SubmissionDeadline:yyyy-MM-dd})")),
            ["formats"] = string.Join(", ", MailTriage.ReportExtensions),
            ["limit"] = (extraction.Value.MaxFileBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture),
            ["portal"] = portal,
        });
        var reply = OutgoingNotification.Compose(smtp.From, Recipients.Only(to.Address), rendered);
        if (original.MessageId is { Length: > 0 } id)
        {
            reply.InReplyTo = id;
            reply.References.AddRange(original.References);
            reply.References.Add(id);
        }

        try
        {
            await smtp.SendAsync(reply, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message is in the folder that needs attention already; the secretariat answers it from there.
            logger.LogWarning(e, "The reply to {Address} about their message ({Problem}) could not be sent.", to.Address, triage.Problem);
        }
    }
}
