using Minamata.Reporting.Storage;
using Minamata.Reporting.Storage.Azurite;

namespace Minamata.Server;

/// <summary>
/// Without a <c>ReportStorage</c> setting the server runs on its own Azurite, with data kept under
/// the repository's <c>.data/</c> folder, and stops it when the server stops.
/// </summary>
internal sealed class EmbeddedStorage(AzuriteInstance azurite) : IHostedService
{
    public static async Task AddWhenNotConfiguredAsync(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageNames.ConnectionName);
        if (section.Exists())
        {
            return;
        }

        var root = AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory);
        var azurite = await AzuriteLauncher.StartAsync(root, Path.Combine(root, ".data", "azurite"));
        builder.Configuration[StorageNames.ConnectionName] = azurite.ConnectionString;
        // Registered before the pipeline's services: started first, stopped last.
        builder.Services.AddHostedService(_ => new EmbeddedStorage(azurite));
        Console.WriteLine($"Storage: embedded Azurite, data in {Path.Combine(root, ".data", "azurite")}");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await azurite.StopAsync();
        await azurite.DisposeAsync();
    }
}
