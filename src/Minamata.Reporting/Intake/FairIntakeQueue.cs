namespace Minamata.Reporting.Intake;

/// <summary>
/// Blobs waiting for the self-hosted server's intake workers, served partner by partner in turn,
/// with at most <c>perPartner</c> of one partner's blobs read at once: one partner's backlog of slow
/// files cannot hold every worker while another partner's report waits.
/// </summary>
internal sealed class FairIntakeQueue(int perPartner)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<string>> waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> reading = new(StringComparer.Ordinal);
    private readonly LinkedList<string> turns = new();
    private readonly StateChanged changed = new();
    private bool completed;

    public void Enqueue(string blobName)
    {
        var partner = PartnerOf(blobName);
        lock (gate)
        {
            if (!waiting.TryGetValue(partner, out var queue))
            {
                waiting[partner] = queue = new Queue<string>();
                turns.AddLast(partner);
            }

            queue.Enqueue(blobName);
            changed.Raise();
        }
    }

    /// <summary>The next blob to read, from the first partner in turn that may have one more read; null once completed.</summary>
    public async Task<string?> TakeAsync()
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                for (var turn = turns.First; turn is not null; turn = turn.Next)
                {
                    var partner = turn.Value;
                    if (reading.GetValueOrDefault(partner) >= perPartner)
                    {
                        continue;
                    }

                    var queue = waiting[partner];
                    var blobName = queue.Dequeue();
                    reading[partner] = reading.GetValueOrDefault(partner) + 1;
                    turns.Remove(turn);
                    if (queue.Count == 0)
                    {
                        waiting.Remove(partner);
                    }
                    else
                    {
                        // To the back of the line: the other partners' blobs come first.
                        turns.AddLast(partner);
                    }

                    return blobName;
                }

                if (completed)
                {
                    return null;
                }

                wait = changed.Next;
            }

            await wait;
        }
    }

    /// <summary>A blob from <see cref="TakeAsync"/> has been read (or failed): its partner may have another.</summary>
    public void Done(string blobName)
    {
        var partner = PartnerOf(blobName);
        lock (gate)
        {
            if (--reading[partner] == 0)
            {
                reading.Remove(partner);
            }

            changed.Raise();
        }
    }

    /// <summary>No more blobs will come: workers drain what is waiting, then get null.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completed = true;
            changed.Raise();
        }
    }

    private static string PartnerOf(string blobName) => UploadLocation.Parse(blobName).PartnerKey;
}
