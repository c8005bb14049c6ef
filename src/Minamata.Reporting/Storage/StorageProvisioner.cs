using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Storage;

/// <summary>
/// Creates the containers, tables and queue at start, so a fresh Azurite (or a fresh account whose
/// template did not create them) works without a setup step; creating what exists is a no-op. Also
/// lets browsers PUT files to upload URLs (CORS on the blob service), which the portal needs.
/// </summary>
internal sealed class StorageProvisioner(ReportStorageClients storage, IOptions<SubmissionOptions> submissions, ILogger<StorageProvisioner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var container in new[] { storage.Uploads, storage.Texts, storage.CompiledReports, storage.Outbox })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await storage.CompilationQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in new[] { storage.Reports, storage.Directory, storage.Cycles, storage.History, storage.ContentHashes, storage.Compilations, storage.Notifications })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        await AllowBrowserUploadsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A browser may PUT to an upload URL from the portal's origin. The URL itself is the
    /// permission (create-only, one blob, minutes), so the rule only has to let the request through.
    /// </summary>
    private async Task AllowBrowserUploadsAsync(CancellationToken cancellationToken)
    {
        var origins = submissions.Value.UploadOrigins;
        try
        {
            var properties = (await storage.Blobs.GetPropertiesAsync(cancellationToken)).Value;
            if (properties.Cors.Any(r => r.AllowedOrigins == origins && r.AllowedMethods.Contains("PUT", StringComparison.Ordinal)))
            {
                return;
            }

            properties.Cors.Add(new BlobCorsRule
            {
                AllowedOrigins = origins,
                AllowedMethods = "PUT,OPTIONS",
                AllowedHeaders = "content-type,x-ms-blob-type,x-ms-version,x-ms-client-request-id",
                ExposedHeaders = "etag,x-ms-request-id",
                MaxAgeInSeconds = 3600,
            });
            await storage.Blobs.SetPropertiesAsync(properties, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // With a managed identity that may not change service properties, the deployment sets the rule.
            logger.LogWarning("Could not set the blob service's CORS rule for browser uploads ({Message}); the infrastructure must set it.", e.Message);
        }
    }
}
