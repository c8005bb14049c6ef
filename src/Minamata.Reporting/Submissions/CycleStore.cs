using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Submissions;

/// <summary>
/// Reporting cycles in Table Storage, one row each in a single partition (there are few). Every
/// upload looks its cycle up, so cycles found are remembered for a short while; a cycle opened or
/// changed on another instance is seen there within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class CycleStore(ReportStorageClients storage, TimeProvider clock)
{
    private const string Partition = "cycles";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    // Forgotten at a write's start and end: a read under way meanwhile may have the row as it was.
    private readonly ReadCache<ReportingCycle> recent = new();

    private TableClient Table => storage.Cycles;

    /// <summary>Creates or replaces the cycle; true when it is new.</summary>
    public async Task<bool> PutAsync(ReportingCycle cycle, CancellationToken cancellationToken)
    {
        var entity = ToEntity(cycle);
        recent.Forget(cycle.Id);
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
        finally
        {
            recent.Forget(cycle.Id);
        }
    }

    public async Task<ReportingCycle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CycleId.IsValid(id))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (recent.TryGet(id, now, out var remembered))
        {
            return remembered;
        }

        var stamp = recent.Stamp;
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        if (!entity.HasValue || entity.Value is not { } row)
        {
            return null;
        }

        var cycle = FromEntity(row);
        recent.Keep(id, cycle, now + CacheLifetime, stamp);
        return cycle;
    }

    public async Task<IReadOnlyList<ReportingCycle>> ListAsync(CancellationToken cancellationToken)
    {
        var cycles = new List<ReportingCycle>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            cycles.Add(FromEntity(row));
        }

        return cycles;
    }

    private static TableEntity ToEntity(ReportingCycle cycle) => new(Partition, cycle.Id)
    {
        ["Title"] = cycle.Title,
        ["MeetingStart"] = cycle.MeetingStart.ToString("O"),
        ["SubmissionDeadline"] = cycle.SubmissionDeadline.ToString("O"),
        ["ExpectedPartners"] = JsonSerializer.Serialize(cycle.ExpectedPartners, ReportingJson.TypeInfo<IReadOnlyList<string>>()),
        ["ReminderDays"] = JsonSerializer.Serialize(cycle.ReminderDays, ReportingJson.TypeInfo<IReadOnlyList<int>>()),
        ["Venue"] = cycle.Venue,
        ["MeetingEnd"] = cycle.MeetingEnd?.ToString("O"),
        ["AgendaItem"] = cycle.AgendaItem is null ? null : JsonSerializer.Serialize(cycle.AgendaItem, ReportingJson.TypeInfo<AgendaItem>()),
        ["InfSeries"] = cycle.InfSeries is null ? null : JsonSerializer.Serialize(cycle.InfSeries, ReportingJson.TypeInfo<InfSeries>()),
        ["Receipts"] = cycle.Receipts,
    };

    private static ReportingCycle FromEntity(TableEntity row) => new(
        row.RowKey,
        row.GetString("Title"),
        DateOnly.Parse(row.GetString("MeetingStart"), System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.Parse(row.GetString("SubmissionDeadline"), System.Globalization.CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize(row.GetString("ExpectedPartners")!, ReportingJson.TypeInfo<string[]>()) ?? [],
        JsonSerializer.Deserialize(row.GetString("ReminderDays")!, ReportingJson.TypeInfo<int[]>()) ?? [],
        // Rows written before the meeting's details existed have none of these columns.
        row.GetString("Venue"),
        row.GetString("MeetingEnd") is { } end ? DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture) : null,
        row.GetString("AgendaItem") is { } item ? JsonSerializer.Deserialize(item, ReportingJson.TypeInfo<AgendaItem>()) : null,
        row.GetString("InfSeries") is { } series ? JsonSerializer.Deserialize(series, ReportingJson.TypeInfo<InfSeries>()) : null,
        row.GetBoolean("Receipts") ?? true);
}
