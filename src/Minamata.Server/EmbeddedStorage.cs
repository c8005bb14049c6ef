using Minamata.Reporting.Storage;
using Minamata.Server.Azurite;

namespace Minamata.Server;

/// <summary>
/// Without a <c>ReportStorage</c> setting the server runs on its own Azurite, supervised
/// (<see cref="SupervisedAzurite"/>), with data kept under the repository's <c>.data/azurite</c> or
/// <c>Minamata:EmbeddedStorage:DataFolder</c>, and stops it when the server stops.
/// </summary>
internal sealed class EmbeddedStorage(SupervisedAzurite azurite, ILoggerFactory supervisionLogs) : IHostedService
{
    public const string DataFolderSetting = "Minamata:EmbeddedStorage:DataFolder";

    public static async Task AddWhenNotConfiguredAsync(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageNames.ConnectionName);
        if (section.Exists())
        {
            return;
        }

        var root = AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);
        var dataFolder = Path.GetFullPath(builder.Configuration[DataFolderSetting] ?? Path.Combine(root, ".data", "azurite"));
        // The supervisor outlives the start-up, before the app's own logging exists: it logs to the console.
        var supervisionLogs = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var azurite = await SupervisedAzurite.StartAsync(root, dataFolder, supervisionLogs.CreateLogger<SupervisedAzurite>());
        builder.Configuration[StorageNames.ConnectionName] = azurite.ConnectionString;
        // Registered before the pipeline's services: started first, stopped last.
        builder.Services.AddHostedService(_ => new EmbeddedStorage(azurite, supervisionLogs));
        Console.WriteLine($"Storage: embedded Azurite, data in {dataFolder}");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await azurite.DisposeAsync();
        supervisionLogs.Dispose();
    }
}
