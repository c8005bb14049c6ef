using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Minamata.Reporting.Index;
using Minamata.Server.Azurite;

namespace Minamata.LoadTest;

/// <summary>The secretariat searching while the index holds <c>reports</c> reports: <c>clients</c> searchers for <c>seconds</c>.</summary>
public static class SearchLoad
{
    private static readonly string[] Queries = ["mercury", "artisanal gold", "health", "partnership WHO", "emissions monitoring", "nothing-matches-this"];

    public static async Task<int> RunAsync(int reports, int clients, int seconds, TimeSpan limit)
    {
        var root = AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);
        await using var azurite = await AzuriteLauncher.StartAsync(root, dataDirectory: null);
        await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, UploadLoad.SecretariatKey);
        using var secretariat = UploadLoad.Client(server.Address, UploadLoad.SecretariatKey);
        var keys = await UploadLoad.PartnersAsync(secretariat, 10);
        await Task.WhenAll(keys.Select(async (k, c) =>
        {
            using var client = UploadLoad.Client(server.Address, k.Key);
            for (var n = c; n < reports; n += keys.Count)
            {
                using var form = new MultipartFormDataContent { { new StringContent("COP-7"), "cycle" }, { new ByteArrayContent(UploadLoad.Document(n, 20)), "file", $"r{n}.txt" } };
                (await client.PostAsync("/api/reports", form)).EnsureSuccessStatusCode();
            }
        }));
        using var deadline = new CancellationTokenSource(limit);
        while (await UploadLoad.CountAsync(secretariat, ReportStatus.Indexed) < reports && !deadline.IsCancellationRequested)
        {
            await Task.Delay(500);
        }

        Console.WriteLine($"{clients} clients searching {reports} indexed reports for {seconds} s (loopback)");
        var latencies = new ConcurrentBag<double>();
        var matches = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            using var client = UploadLoad.Client(server.Address, UploadLoad.SecretariatKey);
            for (var i = c; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var page = await client.GetFromJsonAsync<JsonElement>($"/api/reports?cycle=COP-7&pageSize=100&q={Uri.EscapeDataString(Queries[i % Queries.Length])}");
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                matches.Add(page.GetProperty("items").GetArrayLength());
            }
        }));
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"searches {sorted.Length} ({sorted.Length / (double)seconds:0.0}/s), mean page {matches.Average():0} reports");
        Console.WriteLine($"search latency ms: p50 {UploadLoad.Percentile(sorted, 0.50):0} p95 {UploadLoad.Percentile(sorted, 0.95):0} p99 {UploadLoad.Percentile(sorted, 0.99):0}");
        Console.WriteLine($"server memory peak {server.PeakResidentBytes / 1024 / 1024} MB");
        return 0;
    }
}
