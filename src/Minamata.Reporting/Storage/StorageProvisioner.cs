using Microsoft.Extensions.Hosting;

namespace Minamata.Reporting.Storage;

/// <summary>
/// Creates the containers and tables at start, so a fresh Azurite (or a fresh account whose
/// template did not create them) works without a setup step. Creating what exists is a no-op.
/// </summary>
internal sealed class StorageProvisioner(ReportStorageClients storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.Uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Reports.CreateIfNotExistsAsync(cancellationToken);
        await storage.Directory.CreateIfNotExistsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
