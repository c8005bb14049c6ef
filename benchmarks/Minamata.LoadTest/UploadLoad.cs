using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minamata.Server.Azurite;

namespace Minamata.LoadTest;

/// <summary>
/// Deadline day: <c>clients</c> partners upload <c>uploads</c> distinct files between them, all at
/// once, to the server on Azurite. Measures upload latency, the time until the last report is
/// indexed, and the server's peak memory; checks that every report arrived and none twice.
/// </summary>
public static class UploadLoad
{
    public const string SecretariatKey = "load-test-secretariat-key-0123456789";

    public static async Task<int> RunAsync(int uploads, int clients, int kilobytes, TimeSpan limit)
    {
        var root = AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);
        await using var azurite = await AzuriteLauncher.StartAsync(root, dataDirectory: null);
        await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, SecretariatKey);
        using var secretariat = Client(server.Address, SecretariatKey);
        var keys = await PartnersAsync(secretariat, clients);
        var idleMemory = server.ResidentBytes;

        Console.WriteLine($"{uploads} uploads of {kilobytes} KB by {clients} clients against {server.Address} (loopback)");
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var ids = new ConcurrentBag<string>();
        using var deadline = new CancellationTokenSource(limit);
        var clock = Stopwatch.StartNew();
        var sampler = SampleMemoryAsync(server, deadline.Token);
        var next = -1;
        await Task.WhenAll(keys.Select(async k =>
        {
            using var client = Client(server.Address, k.Key);
            int n;
            while ((n = Interlocked.Increment(ref next)) < uploads && !deadline.IsCancellationRequested)
            {
                var body = Document(n, kilobytes);
                using var form = new MultipartFormDataContent { { new StringContent("COP-7"), "cycle" }, { new ByteArrayContent(body), "file", $"report-{n}.txt" } };
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/api/reports", form, deadline.Token);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                }
                else
                {
                    failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        var uploadTime = clock.Elapsed;

        var indexed = 0;
        while (!deadline.IsCancellationRequested && (indexed = await CountIndexedAsync(secretariat)) < ids.Count)
        {
            await Task.Delay(200, deadline.Token).ContinueWith(_ => { });
        }

        var allIndexed = clock.Elapsed;
        await deadline.CancelAsync();
        await sampler;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"accepted {ids.Count}, distinct {ids.Distinct().Count()}, failed {failures.Count}, indexed {indexed}");
        Console.WriteLine($"uploads done in {uploadTime.TotalSeconds:0.0} s; last report indexed after {allIndexed.TotalSeconds:0.0} s");
        Console.WriteLine($"upload latency ms: p50 {Percentile(sorted, 0.50):0} p95 {Percentile(sorted, 0.95):0} p99 {Percentile(sorted, 0.99):0} max {sorted.LastOrDefault():0}");
        Console.WriteLine($"server memory: idle {idleMemory / 1024 / 1024} MB, peak {server.PeakResidentBytes / 1024 / 1024} MB");
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine($"failure: {failure}");
        }

        return ids.Count == uploads && ids.Distinct().Count() == uploads && indexed == uploads && failures.IsEmpty ? 0 : 1;
    }

    /// <summary>Registers <paramref name="count"/> partners and opens COP-7; returns their keys.</summary>
    public static async Task<List<(string Partner, string Key)>> PartnersAsync(HttpClient secretariat, int count)
    {
        var keys = new List<(string Partner, string Key)>();
        for (var c = 0; c < count; c++)
        {
            var id = $"LOAD-{c:D3}";
            var created = await secretariat.PostAsJsonAsync("/api/partners", new { id, name = id, email = $"focal{c}@load.example" });
            keys.Add((id, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!));
        }

        (await secretariat.PutAsJsonAsync("/api/cycles/COP-7", new { title = "Load", meetingStart = "2099-11-01", submissionDeadline = "2099-08-01" })).EnsureSuccessStatusCode();
        return keys;
    }

    public static async Task<int> CountIndexedAsync(HttpClient secretariat)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await secretariat.GetFromJsonAsync<JsonElement>("/api/reports?status=indexed&pageSize=1000" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            count += page.GetProperty("items").GetArrayLength();
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return count;
    }

    private static async Task SampleMemoryAsync(ServerProcess server, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            server.Sample();
            await Task.Delay(100, stop).ContinueWith(_ => { });
        }
    }

    /// <summary>A distinct report of about the given size (distinct, or the pipeline would rightly call them duplicates).</summary>
    public static byte[] Document(int n, int kilobytes)
    {
        var text = new StringBuilder($"Report {n} on mercury, submitted under article 16 for COP-7.\n");
        var random = new Random(n);
        string[] words = ["mercury", "health", "partnership", "emissions", "artisanal", "gold", "mining", "products", "waste", "monitoring", "cooperation", "WHO", "UNEP"];
        while (text.Length < kilobytes * 1024)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(10) == 0 ? ".\n" : " ");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
