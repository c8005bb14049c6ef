namespace Minamata.Reporting.Storage;

/// <summary>
/// Rows read from storage, kept for a while so that hot lookups (a cycle per upload, a key per
/// request) do not go to storage each time, and never kept as they were before a change made on
/// this instance. A read takes a <see cref="Stamp"/> before it asks storage and is kept only if
/// nothing was forgotten since; a change forgets its row after it is written (a change that can
/// overlap reads forgets before as well). Checking and keeping, counting and forgetting, are each
/// one step under the lock: without that, a read that got the old row just before a change kept it
/// after the change had forgotten it (a partner just added to a cycle was refused as not expected
/// for 30 s; a reissued key went on working where it was revoked).
/// </summary>
internal sealed class ReadCache<T>
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (T Value, DateTimeOffset Until)> kept = new(StringComparer.Ordinal);
    private long forgotten;

    /// <summary>To take before reading storage, and give back to <see cref="Keep"/>.</summary>
    public long Stamp
    {
        get
        {
            lock (gate)
            {
                return forgotten;
            }
        }
    }

    public bool TryGet(string key, DateTimeOffset now, out T value)
    {
        lock (gate)
        {
            if (kept.TryGetValue(key, out var entry) && entry.Until > now)
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps what was read until <paramref name="until"/>, unless something was forgotten since <paramref name="stamp"/>.</summary>
    public void Keep(string key, T value, DateTimeOffset until, long stamp)
    {
        lock (gate)
        {
            if (forgotten == stamp)
            {
                kept[key] = (value, until);
            }
        }
    }

    /// <summary>A change to the row: what is kept of it goes, and reads under way are not kept.</summary>
    public void Forget(string key)
    {
        lock (gate)
        {
            forgotten++;
            kept.Remove(key);
        }
    }

    /// <summary>The row is gone from storage as read (nothing changed here): what is kept of it goes.</summary>
    public void Drop(string key)
    {
        lock (gate)
        {
            kept.Remove(key);
        }
    }
}
