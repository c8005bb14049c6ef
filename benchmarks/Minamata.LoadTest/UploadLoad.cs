using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minamata.Reporting.Index;
using Minamata.Server.Azurite;

namespace Minamata.LoadTest;

/// <summary>
/// Deadline day: partners upload <c>uploads</c> distinct files, ten each, over <c>clients</c>
/// connections at once, to the server on Azurite, in <c>rounds</c> rounds each on fresh storage and
/// a fresh server.
/// Measures upload latency, the time until the last report is indexed, the server's peak memory and
/// the storage requests Azurite served per report (upload and intake together, from Azurite's access
/// log); checks that every report arrived and none twice. Prints each round, then the median and
/// spread of every figure, and the machine's load average before and after: these machines are
/// shared, and one run is not a measurement.
/// </summary>
public static class UploadLoad
{
    public const string SecretariatKey = "load-test-secretariat-key-0123456789";

    /// <summary>Each partner's share: under the per-partner limits of reports in flight and uploads an hour.</summary>
    private const int ReportsPerPartner = 10;

    /// <summary>How long the idle server is watched to tell its own polling from the uploads' requests.</summary>
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(int uploads, int clients, int kilobytes, int rounds, int warmUp, TimeSpan limit)
    {
        var before = LoadAverage.Read();
        Console.WriteLine($"{uploads} uploads of {kilobytes} KB by {clients} clients, {rounds} rounds, each on fresh storage and a fresh server warmed up by {warmUp} uploads first; {before}");
        var results = new List<Round>();
        var failed = false;
        for (var round = 1; round <= rounds; round++)
        {
            var (result, ok) = await RunRoundAsync(uploads, clients, kilobytes, warmUp, limit);
            failed |= !ok;
            results.Add(result);
            Console.WriteLine($"round {round}: {result}");
        }

        Console.WriteLine($"median (spread) of {rounds}:");
        Console.WriteLine($"  upload latency ms: p50 {Summary(results, r => r.P50)}, p95 {Summary(results, r => r.P95)}, p99 {Summary(results, r => r.P99)}");
        Console.WriteLine($"  uploads done after s: {Summary(results, r => r.UploadSeconds, "0.0")}; last report indexed after s: {Summary(results, r => r.IndexedSeconds, "0.0")}");
        Console.WriteLine($"  server peak MB: {Summary(results, r => r.PeakMegabytes)}");
        Console.WriteLine($"  storage requests per report (upload and intake): {Summary(results, r => r.RequestsPerReport, "0.0")}; idle server: {Summary(results, r => r.IdleRequestsPerSecond, "0.0")} per second");
        var after = LoadAverage.Read();
        Console.WriteLine($"after: {after}");
        foreach (var warning in new[] { before, after }.Select(l => l.Warning).OfType<string>().Distinct())
        {
            Console.WriteLine($"warning: {warning}");
        }

        return failed ? 1 : 0;
    }

    private static async Task<(Round Result, bool Ok)> RunRoundAsync(int uploads, int clients, int kilobytes, int warmUp, TimeSpan limit)
    {
        var root = AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);
        long requests = 0;
        // MINAMATA_LOADTEST_ACCESS_LOG=FILE keeps Azurite's access log, to see which requests a report costs.
        await using var log = Environment.GetEnvironmentVariable("MINAMATA_LOADTEST_ACCESS_LOG") is { Length: > 0 } path ? new StreamWriter(path) : null;
        await using var azurite = await AzuriteLauncher.StartAsync(root, dataDirectory: null, accessLog: line =>
        {
            Interlocked.Increment(ref requests);
            if (log is not null)
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            }
        });
        await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, SecretariatKey);
        using var secretariat = Client(server.Address, SecretariatKey);
        // As on deadline day, many partners with a few reports each (within the per-partner limits),
        // sent over `clients` connections at once.
        var partners = Math.Max(1, (uploads + ReportsPerPartner - 1) / ReportsPerPartner);
        var all = await PartnersAsync(secretariat, partners + ((warmUp + ReportsPerPartner - 1) / ReportsPerPartner));
        var keys = all[..partners];
        // A server that has been up a while, as on deadline day, not one started a second ago: its
        // first uploads would measure the compiling of its code (and Azurite's), not the uploads.
        var warmUpFailures = new ConcurrentBag<string>();
        await UploadAsync(server.Address, all[partners..], Enumerable.Range(uploads, warmUp).Select(n => Document(n, kilobytes)).ToArray(), clients, new ConcurrentBag<double>(), warmUpFailures, new ConcurrentBag<string>(), CancellationToken.None);
        await WaitUntilTakenInAsync(secretariat, CancellationToken.None);
        foreach (var failure in warmUpFailures.Take(5))
        {
            Console.WriteLine($"warm-up failure: {failure}");
        }
        var idleMemory = server.ResidentBytes;
        var idleStart = Interlocked.Read(ref requests);
        await Task.Delay(IdleWindow);
        var idleRate = (Interlocked.Read(ref requests) - idleStart) / IdleWindow.TotalSeconds;

        // Made before the clock starts: making them while uploading took the generator's CPU from the server's.
        var documents = Enumerable.Range(0, uploads).Select(n => Document(n, kilobytes)).ToArray();
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var ids = new ConcurrentBag<string>();
        using var deadline = new CancellationTokenSource(limit);
        var requestsAtStart = Interlocked.Read(ref requests);
        var clock = Stopwatch.StartNew();
        var sampler = SampleMemoryAsync(server, deadline.Token);
        await UploadAsync(server.Address, keys, documents, clients, latencies, failures, ids, deadline.Token);
        var uploadTime = clock.Elapsed;

        await WaitUntilTakenInAsync(secretariat, deadline.Token);
        var allIndexed = clock.Elapsed;
        var indexed = await CountAsync(secretariat, ReportStatus.Indexed) - warmUp;
        // What the server asked of storage for the reports: all it asked, less its idle polling over the same time.
        var served = Interlocked.Read(ref requests) - requestsAtStart - (idleRate * allIndexed.TotalSeconds);
        await deadline.CancelAsync();
        await sampler;
        var sorted = latencies.Order().ToArray();
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine($"failure: {failure}");
        }

        var ok = ids.Count == uploads && ids.Distinct().Count() == uploads && indexed == uploads && failures.IsEmpty;
        if (!ok)
        {
            Console.WriteLine($"accepted {ids.Count}, distinct {ids.Distinct().Count()}, failed {failures.Count}, indexed {indexed} of {uploads}");
        }

        return (new Round(
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.LastOrDefault(),
            uploadTime.TotalSeconds, allIndexed.TotalSeconds, idleMemory / 1024.0 / 1024, server.PeakResidentBytes / 1024.0 / 1024,
            served / Math.Max(1, ids.Count), idleRate), ok);
    }

    /// <summary>Uploads the documents over <paramref name="clients"/> connections at once, the partners' keys in turn.</summary>
    private static async Task UploadAsync(
        Uri address, IReadOnlyList<(string Partner, string Key)> keys, byte[][] documents, int clients,
        ConcurrentBag<double> latencies, ConcurrentBag<string> failures, ConcurrentBag<string> ids, CancellationToken stop)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            int n;
            while ((n = Interlocked.Increment(ref next)) < documents.Length && !stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
                {
                    Content = new MultipartFormDataContent { { new StringContent("COP-7"), "cycle" }, { new ByteArrayContent(documents[n]), "file", $"report-{n}.txt" } },
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys[n % keys.Count].Key);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, stop);
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
    }

    /// <summary>
    /// Until no report is still waiting to be read. Watched by the reports still waiting, a short
    /// answer: counting the indexed ones five times a second read every row each time, and that
    /// reading took a quarter of Azurite's time while the intake drained (67 polls of 63 ms in one round).
    /// </summary>
    private static async Task WaitUntilTakenInAsync(HttpClient secretariat, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && await CountAsync(secretariat, ReportStatus.Received) > 0)
        {
            await Task.Delay(200, stop).ContinueWith(_ => { });
        }
    }

    private static string Summary(List<Round> rounds, Func<Round, double> figure, string format = "0")
    {
        var values = rounds.Select(figure).Order().ToArray();
        return $"{values[values.Length / 2].ToString(format, CultureInfo.InvariantCulture)} ({values[0].ToString(format, CultureInfo.InvariantCulture)}–{values[^1].ToString(format, CultureInfo.InvariantCulture)})";
    }

    /// <summary>One round's figures.</summary>
    private sealed record Round(double P50, double P95, double P99, double Max, double UploadSeconds, double IndexedSeconds, double IdleMegabytes, double PeakMegabytes, double RequestsPerReport, double IdleRequestsPerSecond)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {P50:0} p95 {P95:0} p99 {P99:0} max {Max:0} ms; uploads done {UploadSeconds:0.0} s, last indexed {IndexedSeconds:0.0} s; server idle {IdleMegabytes:0} MB, peak {PeakMegabytes:0} MB; {RequestsPerReport:0.0} storage requests per report");
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

        // The cycle expects them: a partner uploads only to a cycle that does.
        (await secretariat.PutAsJsonAsync("/api/cycles/COP-7", new { title = "Load", meetingStart = "2099-11-01", submissionDeadline = "2099-08-01", expectedPartners = keys.Select(k => k.Partner) })).EnsureSuccessStatusCode();
        return keys;
    }

    public static async Task<int> CountAsync(HttpClient secretariat, string status)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await secretariat.GetFromJsonAsync<JsonElement>($"/api/reports?status={status}&pageSize=1000" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
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
