using Minamata.Reporting.Submissions;

namespace Minamata.Integration.Tests;

/// <summary>The cycle cache against Azurite: a partner the secretariat adds can upload at once, however many reads run beside the change.</summary>
[Collection(StorageCollection.Name)]
public sealed class CycleStoreTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_cycle_read_while_it_is_being_changed_is_not_remembered_as_it_was()
    {
        var store = new CycleStore(fixture.Storage, TimeProvider.System);
        var id = ServerFixture.NewCycleId();
        var cycle = new ReportingCycle(id, "Cycle", new DateOnly(2099, 10, 1), new DateOnly(2099, 8, 1), [], ReportingCycle.DefaultReminderDays);
        await store.PutAsync(cycle, default);
        using var stop = new CancellationTokenSource();
        // As the intake's workers and the uploads do: read the cycle again and again, meanwhile.
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await store.GetAsync(id, default);
            }
        })).ToList();

        var stale = new List<int>();
        for (var i = 1; i <= 40; i++)
        {
            cycle = cycle with { ExpectedPartners = [.. cycle.ExpectedPartners, $"P-{i}"] };
            await store.PutAsync(cycle, default);
            if ((await store.GetAsync(id, default))!.ExpectedPartners.Count != i)
            {
                stale.Add(i);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Empty(stale);
    }
}
