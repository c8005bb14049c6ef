using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Minamata.Server;
using Minamata.Server.Azurite;

namespace Minamata.Integration.Tests;

/// <summary>
/// The server's own Azurite, supervised: started again when it dies, gone when the server dies, one
/// per data folder, on the same ports across restarts; and what a hard kill of it can lose.
/// </summary>
public sealed class EmbeddedStorageTests : IDisposable
{
    /// <summary>Azurite saves its metadata every 5 s; with the save's own time, what a SIGKILL can lose (README, Reliability).</summary>
    private static readonly TimeSpan LossWindow = TimeSpan.FromSeconds(6);

    private readonly string dataFolder = Directory.CreateTempSubdirectory("minamata-embedded-").FullName;

    [Fact]
    public async Task Azurite_killed_mid_load_is_restarted_and_every_upload_acknowledged_before_the_window_is_indexed()
    {
        await using var server = await ServerApp.CreateAsync(ServerFixture.EmbeddedStorageArguments(dataFolder));
        await server.StartAsync();
        var baseAddress = new Uri(server.Urls.Single());
        using var secretariat = ReportsApi.Client(baseAddress, ServerFixture.SecretariatKey);
        await ReportsApi.OpenCycleAsync(secretariat);
        using var partner = ReportsApi.Client(baseAddress, await ReportsApi.CreatePartnerAsync(secretariat, "WHO"));
        var before = State();

        var acknowledged = new List<(string Id, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        // Anywhere in Azurite's 5 s save cycle.
        var killAfter = TimeSpan.FromSeconds(9 + Random.Shared.NextDouble() * 5);
        var refused = 0;
        for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(40) && (killedAt is null || acknowledged.Last().At < killedAt || clock.Elapsed < killedAt + TimeSpan.FromSeconds(3)); i++)
        {
            if (killedAt is null && clock.Elapsed > killAfter)
            {
                Process.GetProcessById(before.ProcessId).Kill();
                killedAt = clock.Elapsed;
            }

            try
            {
                using var response = await partner.PostAsync("/api/reports", ReportsApi.Form(Encoding.UTF8.GetBytes($"Report number {i} of the World Health Organization on mercury."), $"r{i}.txt"));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    acknowledged.Add(((await ReportsApi.JsonAsync(response)).GetProperty("id").GetString()!, clock.Elapsed));
                }
                else
                {
                    refused++;
                }
            }
            catch (HttpRequestException)
            {
                refused++;
            }

            await Task.Delay(100);
        }

        Assert.NotNull(killedAt);
        var after = State();
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.Equal((before.Blob, before.Queue, before.Table), (after.Blob, after.Queue, after.Table));
        Assert.Contains(acknowledged, a => a.At > killedAt);

        var outcomes = new List<(TimeSpan At, string Status)>();
        foreach (var (id, at) in acknowledged)
        {
            outcomes.Add((at, await FinalStatusAsync(partner, id)));
        }

        var safe = outcomes.Where(o => o.At < killedAt - LossWindow || o.At > killedAt).ToList();
        Assert.NotEmpty(safe);
        Assert.All(safe, o => Assert.Equal("indexed", o.Status));
        var inWindow = outcomes.Count(o => o.At >= killedAt - LossWindow && o.At <= killedAt);
        var lost = outcomes.Where(o => o.Status != "indexed").ToList();
        Console.WriteLine($"Azurite SIGKILL at {killedAt}: {acknowledged.Count} uploads answered 202, {inWindow} of them in the {LossWindow.TotalSeconds} s before the kill; " +
            $"{lost.Count} lost ({string.Join(", ", lost.GroupBy(o => o.Status).Select(g => $"{g.Count()} {g.Key}"))}), answered from {(lost.Count == 0 ? "-" : $"{(killedAt - lost.Max(o => o.At))!.Value.TotalSeconds:0.0} to {(killedAt - lost.Min(o => o.At))!.Value.TotalSeconds:0.0} s")} before the kill; {refused} refused or failed while it restarted.");
        await server.StopAsync();
    }

    [Fact]
    public async Task Azurite_ends_with_a_killed_server_and_a_second_server_cannot_share_its_data_folder()
    {
        var first = await ServerProcess.StartAsync(ServerFixture.EmbeddedStorageArguments(dataFolder));
        var started = State();

        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(ServerFixture.EmbeddedStorageArguments(dataFolder)));
        Assert.Contains("Another Minamata server is using the storage in", second.Message);

        await first.KillAsync();
        var deadline = Stopwatch.StartNew();
        while (IsRunning(started.ProcessId) && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        Assert.False(IsRunning(started.ProcessId), "Azurite outlived the killed server by 15 s");
        await using var again = await ServerProcess.StartAsync(ServerFixture.EmbeddedStorageArguments(dataFolder));
        var restarted = State();
        Assert.Equal((started.Blob, started.Queue, started.Table), (restarted.Blob, restarted.Queue, restarted.Table));
        await first.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(dataFolder, recursive: true);

    private SupervisedAzurite.AzuriteState State() =>
        JsonSerializer.Deserialize<SupervisedAzurite.AzuriteState>(File.ReadAllText(Path.Combine(dataFolder, "azurite.json")))!;

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The report's status once it has one to keep, or "lost" when storage no longer knows it.</summary>
    private static async Task<string> FinalStatusAsync(HttpClient partner, string id)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await partner.GetAsync($"/api/reports/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return "lost";
            }

            if (response.StatusCode == HttpStatusCode.OK && (await ReportsApi.JsonAsync(response)).GetProperty("status").GetString() is { } status && status != "received")
            {
                return status;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                return "received";
            }

            await Task.Delay(200);
        }
    }
}
