using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Minamata.Server.Azurite;

namespace Minamata.LoadTest;

/// <summary>
/// One large upload through the API (streamed from disk, so the client holds no copy): how much
/// the server's resident memory rises while it streams the file to Blob Storage.
/// </summary>
public static class LargeUpload
{
    public static async Task<int> RunAsync(int megabytes, TimeSpan limit)
    {
        var root = AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);
        await using var azurite = await AzuriteLauncher.StartAsync(root, Path.Combine(Path.GetTempPath(), $"minamata-large-{Guid.NewGuid():n}"));
        var maxBytes = (megabytes + 1L) * 1024 * 1024;
        await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, UploadLoad.SecretariatKey, new Dictionary<string, string> { ["Minamata__Extraction__MaxFileBytes"] = $"{maxBytes}" });
        using var secretariat = UploadLoad.Client(server.Address, UploadLoad.SecretariatKey);
        var key = (await UploadLoad.PartnersAsync(secretariat, 1))[0].Key;
        var file = Path.Combine(Path.GetTempPath(), $"minamata-large-{Guid.NewGuid():n}.txt");
        await using (var writer = new StreamWriter(file))
        {
            var line = "Mercury monitoring data for artisanal gold mining sites, submitted under article 16. ";
            for (long written = 0; written < megabytes * 1024L * 1024; written += line.Length)
            {
                await writer.WriteAsync(line);
            }
        }

        using var client = UploadLoad.Client(server.Address, key);
        client.Timeout = limit;
        var before = server.ResidentBytes;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentBytes);
                await Task.Delay(50);
            }
        });
        var clock = Stopwatch.StartNew();
        await using var content = File.OpenRead(file);
        using var form = new MultipartFormDataContent { { new StringContent("COP-7"), "cycle" }, { new StreamContent(content), "file", "large.txt" } };
        using var response = await client.PostAsync("/api/reports", form);
        var uploadTime = clock.Elapsed;
        var uploadPeak = peak;
        var id = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("id").GetString();
        string? status = "received";
        while (status == "received" && clock.Elapsed < limit)
        {
            await Task.Delay(500);
            status = (await JsonDocument.ParseAsync(await client.GetStreamAsync($"/api/reports/{id}"))).RootElement.GetProperty("status").GetString();
        }

        await sampling.CancelAsync();
        await sampler;
        File.Delete(file);
        Console.WriteLine($"{megabytes} MB upload: {(int)response.StatusCode} in {uploadTime.TotalSeconds:0.0} s; server resident memory {before / 1024 / 1024} MB before, {uploadPeak / 1024 / 1024} MB at most while uploading (+{(uploadPeak - before) / 1024 / 1024} MB)");
        Console.WriteLine($"intake: {status} after {clock.Elapsed.TotalSeconds:0.0} s; server memory at most {peak / 1024 / 1024} MB while reading it (+{(peak - before) / 1024 / 1024} MB)");
        return response.StatusCode == HttpStatusCode.Accepted ? 0 : 1;
    }
}
