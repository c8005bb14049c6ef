using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Minamata.Fixtures;

namespace Minamata.Integration.Tests;

/// <summary>
/// The self-hosted server as its own process, as an operator runs it, on a free loopback port:
/// for tests that measure the process (its memory) or kill it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The most resident memory the process has held since it started.</summary>
    public long PeakResidentBytes => ProcessMemory.PeakResidentBytes(process.Id);

    public static async Task<ServerProcess> StartAsync(string storageConnectionString, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Minamata.Server.dll"));
        foreach (var argument in ServerFixture.ServerArguments(storageConnectionString).Where(a => !a.StartsWith("--urls=", StringComparison.Ordinal)).Append($"--urls=http://127.0.0.1:{port}").Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("The server process did not answer /api/health within 60 s.");
    }

    public HttpClient Client(string? key = null) => ReportsApi.Client(BaseAddress, key);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
