using Azure.Data.Tables;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Index;

/// <summary>A report known by the SHA-256 of its bytes.</summary>
public sealed record HashedReport(string ReportId, string Partner, string? Cycle);

/// <summary>
/// Reports by content hash (table <c>contenthashes</c>: partition = SHA-256, row = report id), so
/// a duplicate is found with one partition read whatever the number of reports.
/// </summary>
public sealed class ContentHashes(ReportStorageClients storage)
{
    public async Task RegisterAsync(string sha256, ReportRecord report, CancellationToken cancellationToken) =>
        await storage.ContentHashes.UpsertEntityAsync(
            new TableEntity(sha256, report.Id) { ["Partner"] = report.Partner, ["Cycle"] = report.Cycle },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<IReadOnlyList<HashedReport>> FindAsync(string sha256, CancellationToken cancellationToken)
    {
        var found = new List<HashedReport>();
        await foreach (var row in storage.ContentHashes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sha256}"), cancellationToken: cancellationToken))
        {
            found.Add(new HashedReport(row.RowKey, row.GetString("Partner"), row.GetString("Cycle")));
        }

        return found;
    }
}
