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
        foreach (var container in new[] { storage.Uploads, storage.Texts, storage.CompiledReports })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await storage.CompilationQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in new[] { storage.Reports, storage.Directory, storage.Cycles, storage.History, storage.ContentHashes, storage.Compilations, storage.Notifications })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
