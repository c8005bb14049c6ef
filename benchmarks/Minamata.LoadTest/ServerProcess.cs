using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Minamata.LoadTest;

/// <summary>The self-hosted server as its own process, so its memory is its own to measure.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private long peakResidentBytes;

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The highest resident memory the kernel has seen for the process (VmHWM).</summary>
    public long PeakResidentBytes => Math.Max(peakResidentBytes, ReadPeak());

    /// <summary>Resident memory now (VmRSS).</summary>
    public long ResidentBytes => Read("VmRSS:");

    public static async Task<ServerProcess> StartAsync(string storageConnectionString, string secretariatKey, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Minamata.Server.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment["ReportStorage"] = storageConnectionString;
        start.Environment["Minamata__SecretariatKey"] = secretariatKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"server: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = server.Address };
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("The server did not become healthy within 20 s.");
    }

    /// <summary>Reads the peak now and then while the load runs: once the process exits it cannot be read.</summary>
    public void Sample() => peakResidentBytes = Math.Max(peakResidentBytes, ReadPeak());

    private long ReadPeak() => Read("VmHWM:");

    private long Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
