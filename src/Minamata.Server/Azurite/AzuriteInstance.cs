using System.Diagnostics;

namespace Minamata.Server.Azurite;

/// <summary>A running Azurite; disposing it stops the process.</summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    // Azurite's well-known development account; it is public and only ever valid against the emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal AzuriteInstance(Process process, AzuritePorts ports)
    {
        this.process = process;
        Ports = ports;
        ProcessId = process.Id;
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited)
        {
            exited.TrySetResult();
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports.Table}/{AccountName};";
    }

    public string ConnectionString { get; }

    public AzuritePorts Ports { get; }

    public int ProcessId { get; }

    /// <summary>Completes when the Azurite process has ended, for whatever reason.</summary>
    public Task Exited => exited.Task;

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM), so it writes its data folder out before it
    /// exits; kills it if it has not exited after a few seconds.
    /// </summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var terminate = Process.Start(new ProcessStartInfo("kill", $"-TERM {process.Id}") { UseShellExecute = false }))
        {
            await terminate!.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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

/// <summary>The loopback ports of Azurite's three services.</summary>
public sealed record AzuritePorts(int Blob, int Queue, int Table);
