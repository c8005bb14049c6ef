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

    public int Id => process.Id;

    /// <summary>Kills the process outright (SIGKILL), as the kernel's out-of-memory killer or a power cut would.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>The most resident memory the process has held since it started.</summary>
    public long PeakResidentBytes => ProcessMemory.PeakResidentBytes(process.Id);

    /// <param name="arguments">The server's arguments (<see cref="ServerFixture.ServerArguments"/> and the like); the URL is chosen here.</param>
    public static async Task<ServerProcess> StartAsync(IEnumerable<string> arguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Minamata.Server.dll"));
        foreach (var argument in arguments.Where(a => !a.StartsWith("--urls=", StringComparison.Ordinal)).Append($"--urls=http://127.0.0.1:{port}"))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
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

        if (process.HasExited)
        {
            await process.WaitForExitAsync();
            lock (output)
            {
                throw new InvalidOperationException($"The server process exited with {process.ExitCode}: {output}");
            }
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
