using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Minamata.Server.Azurite;

/// <summary>
/// The self-hosted server's own Azurite on a data folder: one per folder (a lock file held while it
/// runs), on the same ports every time (kept in <c>azurite.json</c>, so connection strings and
/// upload URLs outlive restarts), started again whenever it exits unasked. It ends with the server
/// even when the server is killed (see <see cref="AzuriteLauncher"/>).
/// </summary>
public sealed class SupervisedAzurite : IAsyncDisposable
{
    private const string StateFile = "azurite.json";
    private const string LockFile = "server.lock";
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    private readonly string repositoryRoot;
    private readonly string dataFolder;
    private readonly FileStream folderLock;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private AzuriteInstance current;
    private Task supervision = Task.CompletedTask;

    private SupervisedAzurite(string repositoryRoot, string dataFolder, FileStream folderLock, AzuriteInstance first, ILogger logger)
    {
        this.repositoryRoot = repositoryRoot;
        this.dataFolder = dataFolder;
        this.folderLock = folderLock;
        this.logger = logger;
        current = first;
    }

    public string ConnectionString => current.ConnectionString;

    /// <exception cref="InvalidOperationException">Another server holds the data folder, or Azurite cannot start.</exception>
    public static async Task<SupervisedAzurite> StartAsync(string repositoryRoot, string dataFolder, ILogger logger, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(dataFolder);
        var folderLock = Lock(dataFolder);
        try
        {
            var ports = ReadPorts(dataFolder);
            AzuriteInstance first;
            try
            {
                first = await AzuriteLauncher.StartAsync(repositoryRoot, dataFolder, ports, cancellationToken: cancellationToken);
            }
            catch (InvalidOperationException e) when (ports is not null)
            {
                // The ports were taken by something else meanwhile; new ones, and a new connection string.
                logger.LogWarning(e, "Azurite could not take its ports {Ports} again; starting it on new ones.", ports);
                first = await AzuriteLauncher.StartAsync(repositoryRoot, dataFolder, null, cancellationToken: cancellationToken);
            }

            var supervised = new SupervisedAzurite(repositoryRoot, dataFolder, folderLock, first, logger);
            supervised.WriteState();
            supervised.supervision = supervised.SuperviseAsync();
            return supervised;
        }
        catch
        {
            await folderLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops Azurite cleanly (it saves its data) and lets go of the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await supervision;
        await current.StopAsync();
        await current.DisposeAsync();
        await folderLock.DisposeAsync();
        stopping.Dispose();
    }

    private async Task SuperviseAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            await Task.WhenAny(current.Exited, Task.Delay(Timeout.Infinite, stopping.Token)).ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            logger.LogError("Azurite (process {ProcessId}) exited unasked; starting it again on ports {Ports}.", current.ProcessId, current.Ports);
            await current.DisposeAsync();
            current = await RestartAsync(current.Ports);
            WriteState();
        }
    }

    /// <summary>Starts Azurite again on the same ports until it comes up or the server stops.</summary>
    private async Task<AzuriteInstance> RestartAsync(AzuritePorts ports)
    {
        while (true)
        {
            try
            {
                return await AzuriteLauncher.StartAsync(repositoryRoot, dataFolder, ports, cancellationToken: stopping.Token);
            }
            catch (InvalidOperationException e)
            {
                logger.LogError(e, "Azurite did not start again; trying in {Delay}.", RestartDelay);
                await Task.Delay(RestartDelay, stopping.Token);
            }
        }
    }

    private void WriteState() =>
        File.WriteAllText(Path.Combine(dataFolder, StateFile), JsonSerializer.Serialize(new AzuriteState(current.ProcessId, current.Ports.Blob, current.Ports.Queue, current.Ports.Table)));

    private static AzuritePorts? ReadPorts(string dataFolder)
    {
        var path = Path.Combine(dataFolder, StateFile);
        try
        {
            return File.Exists(path) && JsonSerializer.Deserialize<AzuriteState>(File.ReadAllText(path)) is { } state
                ? new AzuritePorts(state.Blob, state.Queue, state.Table)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Holds the folder's lock file for as long as the server runs; the system lets go of it when the process ends, however it ends.</summary>
    private static FileStream Lock(string dataFolder)
    {
        var path = Path.Combine(dataFolder, LockFile);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Another Minamata server is using the storage in {dataFolder}; stop it first (one Azurite per data folder).", e);
        }
    }

    /// <summary>What <c>azurite.json</c> records: the running Azurite and the ports it keeps.</summary>
    public sealed record AzuriteState(int ProcessId, int Blob, int Queue, int Table);
}
