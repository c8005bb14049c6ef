using System.Diagnostics.CodeAnalysis;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Minamata.Reporting.Storage;

/// <summary>
/// The storage account's service clients, built from the <c>ReportStorage</c> connection setting the
/// same way the Functions host reads it: either a connection string, or service URIs with a managed
/// identity (<c>ReportStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>,
/// optional <c>__clientId</c>).
/// </summary>
public sealed class ReportStorageClients
{
    // Azure.Data.Tables makes every row it reads with Activator.CreateInstance<TableEntity>(), which
    // trimming cannot see: without this the command line compiled ahead of time fails on its first
    // query ("Constructor on type 'Azure.Data.Tables.TableEntity' not found").
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(TableEntity))]
    public ReportStorageClients(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient queues)
    {
        Blobs = blobs;
        Tables = tables;
        Queues = queues;
    }

    public BlobServiceClient Blobs { get; }
    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }

    public BlobContainerClient Uploads => Blobs.GetBlobContainerClient(StorageNames.UploadContainer);
    public BlobContainerClient Texts => Blobs.GetBlobContainerClient(StorageNames.TextContainer);
    public BlobContainerClient CompiledReports => Blobs.GetBlobContainerClient(StorageNames.CompilationContainer);
    public BlobContainerClient Outbox => Blobs.GetBlobContainerClient(StorageNames.OutboxContainer);
    public QueueClient CompilationQueue => Queues.GetQueueClient(StorageNames.CompilationQueue);
    public TableClient Compilations => Tables.GetTableClient(StorageNames.CompilationsTable);
    public TableClient Notifications => Tables.GetTableClient(StorageNames.NotificationsTable);
    public TableClient Reports => Tables.GetTableClient(StorageNames.ReportsTable);
    public TableClient Directory => Tables.GetTableClient(StorageNames.DirectoryTable);
    public TableClient Cycles => Tables.GetTableClient(StorageNames.CyclesTable);
    public TableClient History => Tables.GetTableClient(StorageNames.HistoryTable);
    public TableClient ContentHashes => Tables.GetTableClient(StorageNames.ContentHashTable);

    public static ReportStorageClients FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.ConnectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new StorageNotConfiguredException(
                $"Storage is not configured: set '{StorageNames.ConnectionName}' to a connection string, or " +
                $"'{StorageNames.ConnectionName}__blobServiceUri', '__queueServiceUri' and '__tableServiceUri' for a managed identity.");
        }

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new ReportStorageClients(
            new BlobServiceClient(new Uri(blobUri), credential, Retrying(new BlobClientOptions())),
            new TableServiceClient(new Uri(tableUri), credential, Retrying(new TableClientOptions())),
            new QueueServiceClient(new Uri(queueUri), credential, Retrying(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));
    }

    public static ReportStorageClients FromConnectionString(string connectionString) => new(
        new BlobServiceClient(connectionString, Retrying(new BlobClientOptions())),
        new TableServiceClient(connectionString, Retrying(new TableClientOptions())),
        new QueueServiceClient(connectionString, Retrying(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })));

    /// <summary>
    /// The one retry policy of every storage call: transient failures (timeouts, 408, 429, 5xx) are
    /// retried three times with exponential back-off, so a blip never reaches a partner, and an
    /// outage is reported within seconds rather than after minutes.
    /// </summary>
    private static T Retrying<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}

/// <summary>Neither a connection string nor service addresses for storage are set.</summary>
public sealed class StorageNotConfiguredException(string message) : InvalidOperationException(message);
