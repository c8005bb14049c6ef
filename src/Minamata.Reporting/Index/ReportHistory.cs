using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Index;

/// <summary>One state change of a report: what happened, who did it, when.</summary>
public sealed record HistoryEntry(string Event, string By, DateTimeOffset At, string? Detail);

/// <summary>
/// The audit trail of every report (table <c>history</c>, partition = report id). Transitions that
/// must happen once (indexed, superseded) have a fixed row key, so a second writer of the same
/// transition adds nothing; repeatable events (downloads) get a row of their own each time.
/// </summary>
public sealed class ReportHistory(ReportStorageClients storage, TimeProvider clock)
{
    public const string Received = "received";
    public const string Indexed = "indexed";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
    public const string Downloaded = "downloaded";

    /// <summary>The secretariat corrected a field of the metadata (detail: the field's name).</summary>
    public const string Corrected = "corrected";

    /// <summary>The secretariat cleared a correction: the extracted value is back (detail: the field's name).</summary>
    public const string CorrectionCleared = "correction-cleared";

    /// <summary>The secretariat issued the report as an information document of the meeting (detail: its symbol).</summary>
    public const string Issued = "issued";

    /// <summary>An issued report given another number of its series by the secretariat; the detail says which to which.</summary>
    public const string IssuedSymbolCorrected = "issued-symbol-corrected";

    /// <summary>Its partner or the secretariat took the report back (detail: the reason given).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>A report superseded by a correction that was withdrawn: current again (detail: the withdrawn correction).</summary>
    public const string Restored = "restored";

    /// <summary>The secretariat asked for the file to be read again with the current extraction (detail: its version).</summary>
    public const string ReextractionRequested = "reextraction-requested";

    /// <summary>The report says another organisation submitted it than the partner who uploaded it (detail: that organisation's id).</summary>
    public const string SubmittedByAnother = "submitted-by-another";

    /// <summary>The partner's focal points were mailed a receipt for the report's verdict (detail: to whom).</summary>
    public const string ReceiptSent = "receipt-sent";

    /// <summary>Appends the event unless an event with the same <paramref name="onceKey"/> is there already.</summary>
    public async Task AppendOnceAsync(string reportId, string @event, string onceKey, string by, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await storage.History.AddEntityAsync(Row(reportId, onceKey, @event, by, detail), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    public async Task AppendAsync(string reportId, string @event, string by, string? detail, CancellationToken cancellationToken) =>
        await storage.History.AddEntityAsync(Row(reportId, $"{@event}-{clock.GetUtcNow().UtcTicks:D19}-{Guid.NewGuid():n}", @event, by, detail), cancellationToken);

    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(string reportId, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        await foreach (var row in storage.History.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {reportId}"), cancellationToken: cancellationToken))
        {
            entries.Add(new HistoryEntry(row.GetString("Event"), row.GetString("By"), row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, row.GetString("Detail")));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    private TableEntity Row(string reportId, string rowKey, string @event, string by, string? detail) => new(reportId, rowKey)
    {
        ["Event"] = @event,
        ["By"] = by,
        ["At"] = clock.GetUtcNow(),
        ["Detail"] = detail,
    };
}
