using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Index;

/// <summary>
/// The index of reports in Table Storage: partition = partner, row = report id, so a partner's own
/// reports are one partition and any report is one point read (its id names its partner).
/// </summary>
public sealed class ReportIndex(ReportStorageClients storage)
{
    private TableClient Table => storage.Reports;

    public async Task<ReportRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!ReportId.TryGetPartner(id, out var partition))
        {
            return null;
        }

        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value is not null ? FromEntity(entity.Value) : null;
    }

    /// <summary>Adds a report that is not in the index yet; false when it already is.</summary>
    public async Task<bool> TryAddAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(report), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes the report as it now is, whatever the index held.</summary>
    public async Task SaveAsync(ReportRecord report, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(ToEntity(report), TableUpdateMode.Replace, cancellationToken);

    public async Task<ReportPage> ListAsync(ReportQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var pages = Table.QueryAsync<TableEntity>(Filter(query), maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            return new ReportPage(page.Values.Select(FromEntity).ToList(), page.ContinuationToken);
        }

        return new ReportPage([], null);
    }

    private static string? Filter(ReportQuery query)
    {
        var clauses = new List<string>();
        if (query.Partner is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {query.Partner}"));
        }

        if (query.Cycle is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Cycle eq {query.Cycle}"));
        }

        if (query.Language is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Language eq {query.Language}"));
        }

        if (query.Status is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {query.Status}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static TableEntity ToEntity(ReportRecord report) => new(report.Partner, report.Id)
    {
        ["Cycle"] = report.Cycle,
        ["Status"] = report.Status,
        ["FileName"] = report.FileName,
        ["ContentType"] = report.ContentType,
        ["BlobName"] = report.BlobName,
        ["BlobETag"] = report.BlobETag,
        ["SizeBytes"] = report.SizeBytes,
        ["ReceivedAt"] = report.ReceivedAt,
        ["IndexedAt"] = report.IndexedAt,
        ["ErrorCode"] = report.Error?.Code,
        ["ErrorMessage"] = report.Error?.Message,
        ["Language"] = report.Metadata?.Language,
        ["Metadata"] = report.Metadata is null ? null : JsonSerializer.Serialize(report.Metadata, ReportingJson.Options),
        ["Replaces"] = report.Replaces,
    };

    private static ReportRecord FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        Partner = entity.PartitionKey,
        Cycle = entity.GetString("Cycle"),
        Status = entity.GetString("Status"),
        FileName = entity.GetString("FileName"),
        ContentType = entity.GetString("ContentType"),
        BlobName = entity.GetString("BlobName"),
        BlobETag = entity.GetString("BlobETag"),
        SizeBytes = entity.GetInt64("SizeBytes"),
        ReceivedAt = entity.GetDateTimeOffset("ReceivedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        IndexedAt = entity.GetDateTimeOffset("IndexedAt"),
        Error = entity.GetString("ErrorCode") is { } code ? new ReportError(code, entity.GetString("ErrorMessage") ?? "") : null,
        Metadata = entity.GetString("Metadata") is { } json ? JsonSerializer.Deserialize<ReportMetadata>(json, ReportingJson.Options) : null,
        Replaces = entity.GetString("Replaces"),
    };
}
