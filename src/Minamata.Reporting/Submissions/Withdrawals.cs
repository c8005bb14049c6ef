using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Submissions;

/// <summary>Whether a report may be withdrawn, and why not.</summary>
public enum WithdrawalRefusal
{
    None,
    Issued,
    Superseded,
}

/// <summary>
/// Takes a report back: a partner's upload sent by mistake (another organisation's report, the
/// wrong file), or one the secretariat sets aside. The report is kept, with its file and history,
/// and leaves the cycle's count, the secretariat's searches, the review, issuing and the
/// compilation. A withdrawn correction gives the report it corrected its place back. A report
/// issued as an INF document is a document of the meeting and cannot be withdrawn.
/// </summary>
public sealed class Withdrawals(ReportIndex index, ReportHistory history)
{
    public const int MaxReasonCharacters = 500;

    public static WithdrawalRefusal RefusalFor(ReportRecord report) =>
        report.IssuedSymbol is not null ? WithdrawalRefusal.Issued
        : report.Status == ReportStatus.Superseded ? WithdrawalRefusal.Superseded
        : WithdrawalRefusal.None;

    /// <summary>The report as stored after the attempt: withdrawn, or as it was when it may not be.</summary>
    public async Task<ReportRecord> WithdrawAsync(ReportRecord report, string reason, string by, CancellationToken cancellationToken)
    {
        var outcome = await OptimisticUpdate.ApplyAsync(
            report,
            current => current.Status == ReportStatus.Withdrawn || RefusalFor(current) != WithdrawalRefusal.None ? null : current with { Status = ReportStatus.Withdrawn },
            row => index.TryUpdateAsync(row, cancellationToken),
            () => index.GetAsync(report.Id, cancellationToken),
            $"Report {report.Id}");
        var stored = outcome.Row ?? throw new InvalidOperationException($"Report {report.Id} vanished from the index.");
        if (outcome.Written)
        {
            await history.AppendAsync(report.Id, ReportHistory.Withdrawn, by, reason, cancellationToken);
            if (stored.Replaces is { } replaced)
            {
                await RestoreAsync(replaced, stored.Id, by, cancellationToken);
            }
        }

        return stored;
    }

    /// <summary>Makes the report a withdrawn correction had superseded current again.</summary>
    private async Task RestoreAsync(string id, string withdrawnCorrection, string by, CancellationToken cancellationToken)
    {
        if (await index.GetAsync(id, cancellationToken) is not { } replaced)
        {
            return;
        }

        var outcome = await OptimisticUpdate.ApplyAsync(
            replaced,
            current => current.Status == ReportStatus.Superseded && current.SupersededBy == withdrawnCorrection
                ? current with { Status = ReportStatus.Indexed, SupersededBy = null }
                : null,
            row => index.TryUpdateAsync(row, cancellationToken),
            () => index.GetAsync(id, cancellationToken),
            $"Report {id}");
        if (outcome.Written)
        {
            await history.AppendAsync(id, ReportHistory.Restored, by, withdrawnCorrection, cancellationToken);
        }
    }
}
