using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Compilation;

/// <summary>Compilations in Table Storage (one partition; ids are time-ordered), updated only if unchanged since read.</summary>
public sealed partial class CompilationStore(ReportStorageClients storage)
{
    private const string Partition = "compilations";

    public static string NewId() => Guid.CreateVersion7().ToString("n");

    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    public async Task AddAsync(CompilationRecord record, CancellationToken cancellationToken) =>
        await storage.Compilations.AddEntityAsync(ToEntity(record), cancellationToken);

    public async Task<CompilationRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }

        var entity = await storage.Compilations.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value is { } row ? FromEntity(row) : null;
    }

    /// <summary>The stored record with its new version, or null when it changed since it was read.</summary>
    public async Task<CompilationRecord?> TryUpdateAsync(CompilationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await storage.Compilations.UpdateEntityAsync(ToEntity(record), new ETag(record.Version!), TableUpdateMode.Replace, cancellationToken);
            return record with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(CompilationRecord record) => new(Partition, record.Id)
    {
        ["Cycle"] = record.Cycle,
        ["Decision"] = record.Decision,
        ["Status"] = record.Status,
        ["CreatedAt"] = record.CreatedAt,
        ["CompletedAt"] = record.CompletedAt,
        ["ReportCount"] = record.ReportCount,
        ["Error"] = record.Error,
    };

    private static CompilationRecord FromEntity(TableEntity row) => new(
        row.RowKey,
        row.GetString("Cycle"),
        row.GetString("Decision"),
        row.GetString("Status"),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("CompletedAt"),
        row.GetInt32("ReportCount"),
        row.GetString("Error"),
        row.ETag.ToString());

    [GeneratedRegex(@"^[0-9a-f]{32}\z", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex IdPattern();
}
