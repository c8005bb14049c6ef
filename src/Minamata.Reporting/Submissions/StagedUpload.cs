using System.Buffers;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Minamata.Reporting.Intake;

namespace Minamata.Reporting.Submissions;

/// <summary>
/// Streams an upload into a block blob a block at a time, so a file of any allowed size costs one
/// block of memory. Nothing is visible until <see cref="CommitAsync"/>: a refused or broken upload
/// leaves only uncommitted blocks, which the storage service discards by itself.
/// </summary>
public sealed class StagedUpload(BlockBlobClient blob)
{
    private const int BlockBytes = 4 * 1024 * 1024;
    private readonly List<string> blockIds = [];

    /// <summary>A file that fits one block is kept here and written in one request at commit.</summary>
    private byte[]? wholeFile;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string BlobName => blob.Name;

    public long Length { get; private set; }

    /// <summary>The SHA-256 of what was staged, lower-case hex; known before the blob is committed, to refuse duplicates.</summary>
    public string Sha256 => Convert.ToHexStringLower(hash.GetCurrentHash());

    /// <summary>Stages the stream; false (and stops reading) as soon as it is longer than <paramref name="maxBytes"/>.</summary>
    public async Task<bool> StageAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            while (true)
            {
                var filled = await source.ReadAtLeastAsync(buffer.AsMemory(0, BlockBytes), BlockBytes, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0)
                {
                    return true;
                }

                Length += filled;
                if (Length > maxBytes)
                {
                    return false;
                }

                hash.AppendData(buffer, 0, filled);
                if (blockIds.Count == 0 && filled < BlockBytes)
                {
                    // Most reports are small: one Put Blob at commit instead of Put Block and Put Block List.
                    wholeFile = buffer.AsSpan(0, filled).ToArray();
                    return true;
                }

                var blockId = Convert.ToBase64String(BitConverter.GetBytes(blockIds.Count));
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                blockIds.Add(blockId);
                if (filled < BlockBytes)
                {
                    return true;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes the blob visible, with what it is in its metadata.</summary>
    public async Task CommitAsync(UploadBlobMetadata description, string contentType, CancellationToken cancellationToken)
    {
        var headers = new BlobHttpHeaders { ContentType = contentType };
        // The name is fresh: refuse to overwrite rather than ever replace someone's file.
        var onlyIfNew = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All };
        if (wholeFile is not null)
        {
            using var content = new MemoryStream(wholeFile, writable: false);
            await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = headers, Metadata = description.ToDictionary(), Conditions = onlyIfNew }, cancellationToken);
            return;
        }

        await blob.CommitBlockListAsync(
            blockIds,
            new CommitBlockListOptions { HttpHeaders = headers, Metadata = description.ToDictionary(), Conditions = onlyIfNew },
            cancellationToken);
    }
}
