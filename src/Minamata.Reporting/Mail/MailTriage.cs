using System.Text.RegularExpressions;
using MimeKit;
using Minamata.Reporting.Access;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Mail;

/// <summary>Why a message goes to the folder that needs attention; each has a reply of its own.</summary>
public static class MailProblem
{
    /// <summary>No partner has the sender's address as focal point or copied address.</summary>
    public const string UnknownSender = "unknown-sender";

    /// <summary>The receiving server says the sender's domain did not vouch for it (DMARC failed): the address may be forged.</summary>
    public const string UnverifiedSender = "unverified-sender";

    /// <summary>No attachment is a report in a format the pipeline reads.</summary>
    public const string NoReport = "no-report";

    /// <summary>The subject names no cycle the partner reports to, or names more than one, or none is open for it.</summary>
    public const string NoCycle = "no-cycle";

    /// <summary>The message or an attachment is larger than the intake takes.</summary>
    public const string TooLarge = "too-large";
}

/// <summary>What the intake makes of one message: reports for a partner and cycle, or a problem and who to tell.</summary>
public sealed record MailTriageResult(Partner? Partner, ReportingCycle? Cycle, IReadOnlyList<MimePart> Reports, string? Problem)
{
    public static MailTriageResult Refused(string problem, Partner? partner = null) => new(partner, null, [], problem);
}

/// <summary>
/// Decides what one message is, from the message, the partners and the cycles alone: whose it is
/// (the sender's address is a partner's focal point or one it copies), which cycle (the one its
/// subject names, else the partner's open cycle with the nearest deadline), and which of its
/// attachments are reports (the formats the pipeline reads, by file name).
/// </summary>
public static partial class MailTriage
{
    /// <summary>The file name endings of the formats read; other attachments (logos, calendar invitations) are passed over.</summary>
    public static readonly IReadOnlyList<string> ReportExtensions = [".docx", ".pdf", ".txt", ".html", ".htm", ".md", ".markdown"];

    public static MailTriageResult Decide(MimeMessage message, IReadOnlyList<Partner> partners, IReadOnlyList<ReportingCycle> cycles, DateOnly today)
    {
        var sender = Sender(message);
        var partner = sender is null ? null : partners.FirstOrDefault(p => p.Email.Equals(sender, StringComparison.OrdinalIgnoreCase) || p.Cc.Contains(sender, StringComparer.OrdinalIgnoreCase));
        if (partner is null)
        {
            return MailTriageResult.Refused(MailProblem.UnknownSender);
        }

        if (message.Headers.Any(h => h.Id == HeaderId.AuthenticationResults && DmarcFailed().IsMatch(h.Value)))
        {
            return MailTriageResult.Refused(MailProblem.UnverifiedSender, partner);
        }

        var reports = message.BodyParts.OfType<MimePart>().Where(IsReport).ToList();
        if (reports.Count == 0)
        {
            return MailTriageResult.Refused(MailProblem.NoReport, partner);
        }

        return CycleFor(message.Subject ?? "", partner, cycles, today) is { } cycle
            ? new MailTriageResult(partner, cycle, reports, null)
            : MailTriageResult.Refused(MailProblem.NoCycle, partner);
    }

    /// <summary>The address to write back to: Reply-To if the message has one, else the sender's.</summary>
    public static MailboxAddress? ReplyAddress(MimeMessage message) =>
        message.ReplyTo.Mailboxes.FirstOrDefault() ?? message.From.Mailboxes.FirstOrDefault();

    /// <summary>The cycles the partner may report to now: expected, and their meeting not yet begun; nearest deadline first.</summary>
    public static IReadOnlyList<ReportingCycle> OpenCycles(Partner partner, IEnumerable<ReportingCycle> cycles, DateOnly today) =>
        cycles.Where(c => c.ExpectedPartners.Contains(partner.Id) && today < c.MeetingStart).OrderBy(c => c.SubmissionDeadline).ToList();

    private static string? Sender(MimeMessage message) => message.From.Mailboxes.FirstOrDefault()?.Address;

    private static bool IsReport(MimePart part) =>
        part.Content is not null && part.FileName is { Length: > 0 } name && ReportExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static ReportingCycle? CycleFor(string subject, Partner partner, IReadOnlyList<ReportingCycle> cycles, DateOnly today)
    {
        // A mention counts when it names a meeting the secretariat keeps cycles for (COP-9 when there are COP
        // cycles, even if COP-9 is not one of them), not any word with a number ("COVID-19").
        var bodies = cycles.Select(c => c.Id[..c.Id.LastIndexOf('-')]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = CycleMention().Matches(subject).Select(m => m.Value)
            .Where(m => bodies.Contains(m[..m.LastIndexOf('-')]))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (named.Count > 0)
        {
            // Whatever the subject names must be one cycle that expects the partner: a report sent to the wrong meeting would count nowhere.
            var known = cycles.Where(c => named.Contains(c.Id, StringComparer.OrdinalIgnoreCase)).ToList();
            return named.Count == 1 && known is [{ } cycle] && cycle.ExpectedPartners.Contains(partner.Id) ? cycle : null;
        }

        // None named: the open cycle whose deadline comes next, else (all passed, meetings ahead) the latest.
        var open = OpenCycles(partner, cycles, today);
        return open.FirstOrDefault(c => c.SubmissionDeadline >= today) ?? open.LastOrDefault();
    }

    // A cycle id as CycleId has it (COP-7, OEWG-2, ExCOP-2), standing alone: not inside a symbol such as UNEP/MC/COP.7/INF/3.
    [GeneratedRegex(@"(?<![\w./-])[A-Za-z][A-Za-z0-9]{1,11}-[1-9][0-9]{0,2}(?![\w/-])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex CycleMention();

    [GeneratedRegex(@"\bdmarc\s*=\s*fail\b", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex DmarcFailed();
}
