using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Index;

/// <summary>
/// The index of reports in Table Storage: partition = partner, row = report id, so a partner's own
/// reports are one partition and any report is one point read (its id names its partner). Every
/// update is conditional on the row's ETag: two writers never silently overwrite each other.
/// </summary>
public sealed class ReportIndex(ReportStorageClients storage)
{
    /// <summary>Table string properties hold at most 32K characters; the search words are split over several.</summary>
    private const int WordsPerProperty = 30_000;

    /// <summary>Every column but the search words, which only a search needs and which are most of a row.</summary>
    private static readonly string[] ListedColumns =
    [
        "PartitionKey", "RowKey", "Cycle", "Status", "FileName", "ContentType", "BlobName", "BlobETag", "SizeBytes", "Sha256", "UploadedBy", "Channel",
        "ReceivedAt", "IndexedAt", "ErrorCode", "ErrorMessage", "Language", "Metadata", "ExtractorVersion", "Corrections", "IssuedSymbol", "IssuedAt", "Replaces", "SupersededBy", "Attempts", "AttemptedAt",
    ];

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

    /// <summary>Adds a report that is not in the index yet: the stored report, or null when it already is there.</summary>
    public async Task<ReportRecord?> TryAddAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(report), cancellationToken);
            return report with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the row if it is still the version <paramref name="report"/> was read as: the stored
    /// report with its new version, or null when someone changed (or removed) it since.
    /// </summary>
    public async Task<ReportRecord?> TryUpdateAsync(ReportRecord report, CancellationToken cancellationToken)
    {
        try
        {
            var version = new ETag(report.Version ?? throw new ArgumentException("The report was not read from the index.", nameof(report)));
            var response = await Table.UpdateEntityAsync(ToEntity(report), version, TableUpdateMode.Replace, cancellationToken);
            return report with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// One page of reports matching the filters. With words to search, table pages are read until
    /// enough reports match (the words are compared here, never put into the table filter).
    /// </summary>
    public async Task<ReportPage> ListAsync(ReportQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var items = new List<ReportRecord>();
        var columns = query.Words is null ? ListedColumns : null;
        var pages = Table.QueryAsync<TableEntity>(Filter(query), maxPerPage: pageSize, select: columns, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            items.AddRange(page.Values.Select(FromEntity).Where(r => query.Words is null || SearchWords.Matches(Searchable(r), query.Words)));
            if (items.Count >= pageSize || page.ContinuationToken is null)
            {
                return new ReportPage(items, page.ContinuationToken);
            }
        }

        return new ReportPage(items, null);
    }

    /// <summary>Every report of a cycle (all partners, or one) but those withdrawn, for cycle status, review, issuing and compilation.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ListCycleAsync(string cycle, string? partner, CancellationToken cancellationToken)
    {
        var reports = new List<ReportRecord>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(Filter(new ReportQuery(partner, cycle, null, null)), select: ListedColumns, cancellationToken: cancellationToken))
        {
            reports.Add(FromEntity(entity));
        }

        return reports;
    }

    /// <summary>A partner's reports still being taken in or received since <paramref name="since"/>: what its upload limits count.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ListRecentAsync(string partner, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var reports = new List<ReportRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partner} and (Status eq {ReportStatus.Received} or ReceivedAt ge {since})");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Status", "ReceivedAt"], cancellationToken: cancellationToken))
        {
            reports.Add(FromEntity(entity));
        }

        return reports;
    }

    /// <summary>Id, status, blob version and arrival of every report: what the reconcile sweep compares blobs with.</summary>
    public async Task<Dictionary<string, ReportRecord>> ListAllBriefAsync(CancellationToken cancellationToken)
    {
        var reports = new Dictionary<string, ReportRecord>(StringComparer.Ordinal);
        var columns = new[] { "PartitionKey", "RowKey", "Status", "BlobETag", "ReceivedAt", "BlobName", "FileName", "Attempts", "AttemptedAt" };
        await foreach (var entity in Table.QueryAsync<TableEntity>(select: columns, cancellationToken: cancellationToken))
        {
            reports[entity.RowKey] = FromEntity(entity);
        }

        return reports;
    }

    /// <summary>The words a search looks in: the file's (title and text, as read), and a corrected title's.</summary>
    private static string? Searchable(ReportRecord report) =>
        report.Corrections.ContainsKey("title") ? report.SearchWords + SearchWords.Build(report.Metadata?.Title, "") : report.SearchWords;

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
        else if (!query.IncludeWithdrawn)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status ne {ReportStatus.Withdrawn}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static TableEntity ToEntity(ReportRecord report)
    {
        var entity = new TableEntity(report.Partner, report.Id)
        {
            ["Cycle"] = report.Cycle,
            ["Status"] = report.Status,
            ["FileName"] = report.FileName,
            ["ContentType"] = report.ContentType,
            ["BlobName"] = report.BlobName,
            ["BlobETag"] = report.BlobETag,
            ["SizeBytes"] = report.SizeBytes,
            ["Sha256"] = report.Sha256,
            ["UploadedBy"] = report.UploadedBy,
            ["Channel"] = report.Channel,
            ["ReceivedAt"] = report.ReceivedAt,
            ["IndexedAt"] = report.IndexedAt,
            ["ErrorCode"] = report.Error?.Code,
            ["ErrorMessage"] = report.Error?.Message,
            ["Language"] = report.Metadata?.Language,
            ["Metadata"] = report.Extracted is null ? null : JsonSerializer.Serialize(report.Extracted, ReportingJson.TypeInfo<ReportMetadata>()),
            ["ExtractorVersion"] = report.ExtractorVersion,
            ["IssuedSymbol"] = report.IssuedSymbol,
            ["IssuedAt"] = report.IssuedAt,
            ["Corrections"] = report.Corrections.Count == 0 ? null : JsonSerializer.Serialize(report.Corrections, ReportingJson.TypeInfo<Dictionary<string, Correction>>()),
            ["Replaces"] = report.Replaces,
            ["SupersededBy"] = report.SupersededBy,
            ["Attempts"] = report.Attempts,
            ["AttemptedAt"] = report.AttemptedAt,
        };
        var words = report.SearchWords ?? "";
        for (var part = 0; part * WordsPerProperty < words.Length; part++)
        {
            entity[$"Words{part}"] = words.Substring(part * WordsPerProperty, Math.Min(WordsPerProperty, words.Length - (part * WordsPerProperty)));
        }

        return entity;
    }

    private static ReportRecord FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        Partner = entity.PartitionKey,
        Cycle = entity.GetString("Cycle"),
        Status = entity.GetString("Status") ?? ReportStatus.Received,
        FileName = entity.GetString("FileName") ?? "",
        ContentType = entity.GetString("ContentType"),
        BlobName = entity.GetString("BlobName") ?? "",
        BlobETag = entity.GetString("BlobETag"),
        SizeBytes = entity.GetInt64("SizeBytes"),
        Sha256 = entity.GetString("Sha256"),
        UploadedBy = entity.GetString("UploadedBy"),
        Channel = entity.GetString("Channel"),
        ReceivedAt = entity.GetDateTimeOffset("ReceivedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        IndexedAt = entity.GetDateTimeOffset("IndexedAt"),
        Error = entity.GetString("ErrorCode") is { } code ? new ReportError(code, entity.GetString("ErrorMessage") ?? "") : null,
        Extracted = entity.GetString("Metadata") is { } json ? JsonSerializer.Deserialize(json, ReportingJson.TypeInfo<ReportMetadata>()) : null,
        ExtractorVersion = entity.GetString("ExtractorVersion"),
        IssuedSymbol = entity.GetString("IssuedSymbol"),
        IssuedAt = entity.GetDateTimeOffset("IssuedAt"),
        Corrections = entity.GetString("Corrections") is { } corrections
            ? JsonSerializer.Deserialize(corrections, ReportingJson.TypeInfo<Dictionary<string, Correction>>()) ?? []
            : new Dictionary<string, Correction>(),
        Replaces = entity.GetString("Replaces"),
        SupersededBy = entity.GetString("SupersededBy"),
        Attempts = entity.GetInt32("Attempts") ?? 0,
        AttemptedAt = entity.GetDateTimeOffset("AttemptedAt"),
        SearchWords = string.Concat(Enumerable.Range(0, 16).Select(i => entity.GetString($"Words{i}")).TakeWhile(w => w is not null)),
        Version = entity.ETag.ToString(),
    };
}
