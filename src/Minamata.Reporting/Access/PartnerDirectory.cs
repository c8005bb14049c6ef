using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Storage;

namespace Minamata.Reporting.Access;

/// <summary>
/// Partners and their keys, in one table partition so that a partner and its key change together
/// in one transaction: issuing a key revokes the old one atomically.
/// Row keys: <c>p:{partner id}</c> for partners, <c>k:{sha-256 of key}</c> for keys.
/// </summary>
public sealed class PartnerDirectory(ReportStorageClients storage, IOptions<AccessOptions> options, TimeProvider clock)
{
    private const string Partition = "directory";
    private const string PartnerPrefix = "p:";
    private const string KeyPrefix = "k:";

    /// <summary>Separates the copied addresses in one column; validated addresses never contain it.</summary>
    private const char CcSeparator = ';';

    /// <summary>
    /// Partners as read. A partner is never deleted, and its name, addresses and language are set
    /// once, when it is registered (nothing changes them), so once read it is kept: every intake
    /// and every receipt asks, and this spares deadline day two storage reads per report. Whatever
    /// comes to change a partner must replace its entry here.
    /// </summary>
    private readonly ConcurrentDictionary<string, Partner> found = new(StringComparer.Ordinal);

    /// <summary>Keys found in the directory (by their hash); a revoked key is forgotten once its row is deleted.</summary>
    private readonly ReadCache<string> foundKeys = new();

    private TableClient Table => storage.Directory;

    /// <summary>Registers a partner with its first key; null when the id is taken.</summary>
    public async Task<IssuedKey?> CreateAsync(Partner partner, CancellationToken cancellationToken)
    {
        var key = ApiKeys.NewKey();
        var keyHash = ApiKeys.HashHex(key);
        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partner, keyHash)),
                    new TableTransactionAction(TableTransactionActionType.Add, KeyEntity(keyHash, partner.Id)),
                ],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }

        return new IssuedKey(partner.Id, key);
    }

    /// <summary>Issues a new key and revokes the partner's previous one; null when there is no such partner.</summary>
    /// <exception cref="KeyReissueConflictException">Another reissue for the partner won the race.</exception>
    public async Task<IssuedKey?> ReissueKeyAsync(string partnerId, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, PartnerPrefix + partnerId, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is not { } entity)
        {
            return null;
        }

        var oldHash = entity.GetString("KeyHash");
        var key = ApiKeys.NewKey();
        var keyHash = ApiKeys.HashHex(key);
        entity["KeyHash"] = keyHash;
        var actions = new List<TableTransactionAction>
        {
            // The partner row's ETag makes two concurrent reissues fail instead of leaving two live keys.
            new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
            new(TableTransactionActionType.Add, KeyEntity(keyHash, partnerId)),
        };
        if (oldHash is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, KeyPrefix + oldHash), ETag.All));
        }

        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new KeyReissueConflictException(partnerId, e);
        }

        if (oldHash is not null)
        {
            foundKeys.Forget(oldHash);
        }

        // A reissue that committed just after this one has revoked this key already: say so, rather
        // than hand out a key that no longer works.
        var current = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, PartnerPrefix + partnerId, cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value?.GetString("KeyHash") != keyHash)
        {
            throw new KeyReissueConflictException(partnerId, null);
        }

        return new IssuedKey(partnerId, key);
    }

    public async Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {PartnerPrefix} and RowKey lt {"p;"}");
        var partners = new List<Partner>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            partners.Add(FromEntity(entity));
        }

        return partners;
    }

    /// <summary>Whether the partner is registered; read from storage only until it is found once.</summary>
    public async Task<bool> ExistsAsync(string partnerId, CancellationToken cancellationToken) => await GetAsync(partnerId, cancellationToken) is not null;

    /// <summary>The partner; read from storage only until it is found once.</summary>
    public async Task<Partner?> GetAsync(string partnerId, CancellationToken cancellationToken)
    {
        if (found.TryGetValue(partnerId, out var partner))
        {
            return partner;
        }

        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, PartnerPrefix + partnerId, cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value is not null ? found.GetOrAdd(partnerId, FromEntity(entity.Value)) : null;
    }

    /// <summary>The partner a key belongs to, or null for a key that was never issued or was revoked.</summary>
    public async Task<string?> FindPartnerByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        var hashHex = Convert.ToHexStringLower(hash);
        var now = clock.GetUtcNow();
        if (foundKeys.TryGet(hashHex, now, out var found))
        {
            return found;
        }

        var stamp = foundKeys.Stamp;
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyPrefix + hashHex, cancellationToken: cancellationToken);
        if (!entity.HasValue || entity.Value is not { } row)
        {
            foundKeys.Drop(hashHex);
            return null;
        }

        var stored = Convert.FromHexString(row.GetString("KeyHash"));
        if (!ApiKeys.SameHash(stored, hash))
        {
            return null;
        }

        var partnerId = row.GetString("PartnerId");
        // Only keys that exist are kept, so wrong keys cannot fill the memory.
        if (options.Value.KeyCacheLifetime > TimeSpan.Zero)
        {
            foundKeys.Keep(hashHex, partnerId, now + options.Value.KeyCacheLifetime, stamp);
        }

        return partnerId;
    }

    private static TableEntity ToEntity(Partner partner, string keyHash) => new(Partition, PartnerPrefix + partner.Id)
    {
        ["Name"] = partner.Name,
        ["Email"] = partner.Email,
        ["Cc"] = string.Join(CcSeparator, partner.Cc),
        ["Language"] = partner.Language,
        ["KeyHash"] = keyHash,
    };

    private static TableEntity KeyEntity(string keyHash, string partnerId) => new(Partition, KeyPrefix + keyHash)
    {
        ["KeyHash"] = keyHash,
        ["PartnerId"] = partnerId,
    };

    private static Partner FromEntity(TableEntity entity) => new(
        entity.RowKey[PartnerPrefix.Length..],
        entity.GetString("Name"),
        entity.GetString("Email"),
        entity.GetString("Language"),
        entity.GetString("Cc")?.Split(CcSeparator, StringSplitOptions.RemoveEmptyEntries));
}
