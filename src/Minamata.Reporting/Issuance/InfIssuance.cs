using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Index;
using Minamata.Reporting.Storage;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Issuance;

/// <summary>A report issued as an information document of the meeting: its number in the series and when.</summary>
public sealed record IssuedReport(string Id, string IssuedSymbol, DateTimeOffset IssuedAt);

/// <summary>
/// Issues reports as the meeting's information documents: each gets the next number of the cycle's
/// INF series (<c>UNEP/MC/COP.7/INF/1</c>, <c>/2</c>, ...), never reused, never two reports with one
/// number, a report never renumbered, even under concurrent calls. The series' ledger is one
/// partition of the cycles table: a counter row and, per issued document, a row by number and a row
/// by report, written together in one transaction with the counter's ETag, so an issuance either
/// takes its numbers whole or not at all. The report's row in the index then carries its symbol.
/// </summary>
public sealed class InfIssuance(ReportStorageClients storage, ReportIndex index, ReportHistory history, TimeProvider clock)
{
    /// <summary>A transaction holds 100 operations: the counter and two rows per report.</summary>
    private const int PerTransaction = 49;

    private const int MaxConflicts = 20;
    private const string Counter = "next";

    private TableClient Ledger => storage.Cycles;

    /// <summary>Issues the reports not issued yet, in the order given; those issued before keep their number. Every report, with its symbol.</summary>
    public async Task<IReadOnlyList<IssuedReport>> IssueAsync(InfSeries series, IReadOnlyList<ReportRecord> reports, string by, CancellationToken cancellationToken)
    {
        var partition = Partition(series.Prefix);
        var issued = new Dictionary<string, IssuedReport>(StringComparer.Ordinal);
        foreach (var chunk in reports.Chunk(PerTransaction))
        {
            foreach (var report in await TakeNumbersAsync(series, partition, chunk, cancellationToken))
            {
                issued[report.Id] = report;
            }
        }

        // The index follows the ledger; a failure here is mended by issuing again, which finds the numbers taken.
        foreach (var report in reports)
        {
            var symbol = issued[report.Id];
            if (await RecordAsync(report, symbol, cancellationToken))
            {
                // Once: a report is issued once; a later number is a correction, recorded as such.
                await history.AppendOnceAsync(report.Id, ReportHistory.Issued, ReportHistory.Issued, by, symbol.IssuedSymbol, cancellationToken);
            }
        }

        return [.. reports.Select(r => issued[r.Id])];
    }

    /// <summary>
    /// Gives an issued report another number of its series: the secretariat numbered it otherwise
    /// by hand, or issued it in the wrong order. The new number is taken in the ledger as an issued
    /// one is, so no other report can hold it, and the counter moves past it; the old number stays
    /// taken, never given again. Null when the report was never issued in the series.
    /// </summary>
    /// <exception cref="InfNumberTakenException">Another report holds the number.</exception>
    public async Task<IssuedReport?> RenumberAsync(InfSeries series, ReportRecord report, int number, string by, CancellationToken cancellationToken)
    {
        var partition = Partition(series.Prefix);
        var symbol = series.Prefix + number.ToString(CultureInfo.InvariantCulture);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var issued = await Ledger.GetEntityIfExistsAsync<TableEntity>(partition, ReportRow(report.Id), cancellationToken: cancellationToken);
            if (!issued.HasValue || issued.Value is not { } reportRow)
            {
                return null;
            }

            var before = new IssuedReport(report.Id, reportRow.GetString("Symbol"), reportRow.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue);
            var renumbered = before with { IssuedSymbol = symbol };
            if (before.IssuedSymbol == symbol)
            {
                await RecordAsync(report, renumbered, cancellationToken);
                return renumbered;
            }

            var holder = await Ledger.GetEntityIfExistsAsync<TableEntity>(partition, NumberRow(number), cancellationToken: cancellationToken);
            if (holder.HasValue && holder.Value!.GetString("ReportId") is { } other && other != report.Id)
            {
                throw new InfNumberTakenException(symbol, other);
            }

            var counter = await Ledger.GetEntityIfExistsAsync<TableEntity>(partition, Counter, cancellationToken: cancellationToken);
            var next = counter.HasValue ? counter.Value!.GetInt32("Next") ?? series.First : series.First;
            reportRow["Symbol"] = symbol;
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, reportRow, reportRow.ETag) };
            if (!holder.HasValue)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, NumberRow(number)) { ["ReportId"] = report.Id, ["Symbol"] = symbol, ["IssuedAt"] = before.IssuedAt }));
            }

            if (number >= next)
            {
                var counterRow = new TableEntity(partition, Counter) { ["Next"] = number + 1 };
                actions.Add(counter.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, counterRow, counter.Value!.ETag)
                    : new(TableTransactionActionType.Add, counterRow));
            }

            try
            {
                await Ledger.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another call took the number, the counter or renumbered this report first: decide again on the ledger as it is now.
                continue;
            }

            if (await RecordAsync(report, renumbered, cancellationToken))
            {
                await history.AppendAsync(report.Id, ReportHistory.IssuedSymbolCorrected, by, $"{before.IssuedSymbol} → {symbol}", cancellationToken);
            }

            return renumbered;
        }

        throw new InvalidOperationException($"The INF series {series.Prefix} kept changing while report {report.Id} was renumbered; try again.");
    }

    /// <summary>Puts the report's symbol in its index row; whether the row changed.</summary>
    private async Task<bool> RecordAsync(ReportRecord report, IssuedReport symbol, CancellationToken cancellationToken)
    {
        // Read whole: a listed report lacks the search words, and the row is replaced when written.
        var written = await OptimisticUpdate.ApplyAsync(
            await index.GetAsync(report.Id, cancellationToken) ?? report,
            current => current.IssuedSymbol == symbol.IssuedSymbol ? null : current with { IssuedSymbol = symbol.IssuedSymbol, IssuedAt = symbol.IssuedAt },
            row => index.TryUpdateAsync(row, cancellationToken),
            () => index.GetAsync(report.Id, cancellationToken),
            $"Report {report.Id}");
        return written.Written;
    }

    /// <summary>The numbers of reports already issued in the series, and new consecutive ones for the others.</summary>
    private async Task<IEnumerable<IssuedReport>> TakeNumbersAsync(InfSeries series, string partition, ReportRecord[] chunk, CancellationToken cancellationToken)
    {
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var known = new List<IssuedReport>();
            var pending = new List<ReportRecord>();
            foreach (var report in chunk)
            {
                var row = await Ledger.GetEntityIfExistsAsync<TableEntity>(partition, ReportRow(report.Id), cancellationToken: cancellationToken);
                if (row.HasValue && row.Value is { } entity)
                {
                    known.Add(new IssuedReport(report.Id, entity.GetString("Symbol"), entity.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue));
                }
                else
                {
                    pending.Add(report);
                }
            }

            if (pending.Count == 0)
            {
                return known;
            }

            var counter = await Ledger.GetEntityIfExistsAsync<TableEntity>(partition, Counter, cancellationToken: cancellationToken);
            var next = counter.HasValue ? counter.Value!.GetInt32("Next") ?? series.First : series.First;
            var at = clock.GetUtcNow();
            var taken = pending.Select((report, i) => new IssuedReport(report.Id, series.Prefix + (next + i).ToString(CultureInfo.InvariantCulture), at)).ToList();
            var counterRow = new TableEntity(partition, Counter) { ["Next"] = next + pending.Count };
            var actions = new List<TableTransactionAction>
            {
                counter.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, counterRow, counter.Value!.ETag)
                    : new(TableTransactionActionType.Add, counterRow),
            };
            foreach (var report in taken)
            {
                var number = report.IssuedSymbol[series.Prefix.Length..];
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, NumberRow(int.Parse(number, CultureInfo.InvariantCulture))) { ["ReportId"] = report.Id, ["Symbol"] = report.IssuedSymbol, ["IssuedAt"] = at }));
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, ReportRow(report.Id)) { ["Symbol"] = report.IssuedSymbol, ["IssuedAt"] = at }));
            }

            try
            {
                await Ledger.SubmitTransactionAsync(actions, cancellationToken);
                return known.Concat(taken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another issuance took the counter or one of these reports first: read the ledger again.
            }
        }

        throw new InvalidOperationException($"The INF series {series.Prefix} kept changing while numbers were taken; issue again.");
    }

    /// <summary>The ledger's partition for a series: keys may not hold '/', and a prefix holds no '_'.</summary>
    private static string Partition(string prefix) => "inf_" + prefix.Replace('/', '_');

    private static string ReportRow(string id) => $"report_{id}";

    private static string NumberRow(int number) => $"number_{number:D6}";
}

/// <summary>A number of an INF series that another report was issued under.</summary>
public sealed class InfNumberTakenException(string symbol, string reportId)
    : Exception($"{symbol} is issued to report {reportId}; a number is never given to two reports.")
{
    public string ReportId { get; } = reportId;
}
