using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Submissions;

/// <summary>
/// Write-only, create-only SAS URLs for exactly one blob. With an account key (a connection
/// string, Azurite) the URL is signed with it; with a managed identity in Azure it is a user
/// delegation SAS, signed with a key the identity obtains (role Storage Blob Delegator).
/// </summary>
public sealed class UploadUrls(ReportStorageClients storage, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    /// <summary>Service clocks may run a little behind ours; the URL is valid from slightly before now.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Uri> CreateAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var blob = storage.Uploads.GetBlobClient(blobName);
        var sas = new BlobSasBuilder(BlobSasPermissions.Create, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = clock.GetUtcNow() - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri)
        {
            return AsPartnersReachIt(blob.GenerateSasUri(sas));
        }

        UserDelegationKey key = await storage.Blobs.GetUserDelegationKeyAsync(sas.StartsOn, expiresAt, cancellationToken);
        return AsPartnersReachIt(new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, storage.Blobs.AccountName) }.ToUri());
    }

    /// <summary>The URL moved onto the public blob endpoint, if one is set: the same path below the service, the same signature.</summary>
    private Uri AsPartnersReachIt(Uri url)
    {
        if (options.Value.PublicBlobEndpoint is not { } endpoint)
        {
            return url;
        }

        var below = url.AbsolutePath[storage.Blobs.Uri.AbsolutePath.TrimEnd('/').Length..];
        return new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + below, Query = url.Query.TrimStart('?') }.Uri;
    }
}
