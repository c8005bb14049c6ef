using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, (ReportingCycle Cycle, DateTimeOffset Until)> recent = new();

    // Counts the writes of each cycle in this instance, before and after each: a read that a write
    // overlapped does not remember what it read, which may be the row as it was before the write.
    // A read's check and remembering, and a write's count and forgetting, are one step each under
    // this lock, and a write forgets at its end too: a read that began while a write was under way,
    // and read the row before it changed, left it remembered for 30 s (a partner just added to a
    // cycle was refused as not expected).
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> writes = new(StringComparer.Ordinal);

    private TableClient Table => storage.Cycles;

    /// <summary>Creates or replaces the cycle; true when it is new.</summary>
    public async Task<bool> PutAsync(ReportingCycle cycle, CancellationToken cancellationToken)
    {
        var entity = ToEntity(cycle);
        Forget(cycle.Id);
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
            Forget(cycle.Id);
        }
    }

    public async Task<ReportingCycle?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CycleId.IsValid(id))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (recent.TryGetValue(id, out var remembered) && remembered.Until > now)
        {
            return remembered.Cycle;
        }

        var before = WritesOf(id);
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        if (!entity.HasValue || entity.Value is not { } row)
        {
            return null;
        }

        var cycle = FromEntity(row);
        lock (gate)
        {
            if (writes.GetValueOrDefault(id) == before)
            {
                recent[id] = (cycle, now + CacheLifetime);
            }
        }

        return cycle;
    }

    private long WritesOf(string id)
    {
        lock (gate)
        {
            return writes.GetValueOrDefault(id);
        }
    }

    /// <summary>Counts a write's start or end, and forgets what was remembered of the cycle.</summary>
    private void Forget(string id)
    {
        lock (gate)
        {
            writes[id] = writes.GetValueOrDefault(id) + 1;
            recent.TryRemove(id, out _);
        }
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
