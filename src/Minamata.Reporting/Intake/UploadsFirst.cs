namespace Minamata.Reporting.Intake;

/// <summary>
/// The self-hosted server answers partners before it reads their files: while an upload is being
/// received its intake reads at most <see cref="IntakeOptions.ConcurrencyWhileUploading"/> blobs at
/// once, and up to <see cref="IntakeOptions.Concurrency"/> when none is. The server shares a small
/// machine's cores with its storage; a report read a few seconds later costs a partner nothing, an
/// answer that waits for the reading of other reports does (measured in the README's load table).
/// </summary>
internal sealed class UploadsFirst(int concurrency, int whileUploading)
{
    private readonly Lock gate = new();
    private readonly StateChanged changed = new();
    private int receiving;
    private int reading;

    /// <summary>An upload is being received until the result is disposed.</summary>
    public IDisposable Receiving()
    {
        lock (gate)
        {
            receiving++;
        }

        return new Received(this);
    }

    /// <summary>Waits for a turn to read a blob. Once the server is stopping turns are free: what is still queued is only let go of.</summary>
    public async Task EnterAsync(CancellationToken stopping)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (stopping.IsCancellationRequested || reading < (receiving > 0 ? whileUploading : concurrency))
                {
                    reading++;
                    return;
                }

                wait = changed.Next;
            }

            try
            {
                await wait.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>A turn from <see cref="EnterAsync"/> is over.</summary>
    public void Exit()
    {
        lock (gate)
        {
            reading--;
            changed.Raise();
        }
    }

    private sealed class Received(UploadsFirst owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                lock (owner.gate)
                {
                    owner.receiving--;
                    owner.changed.Raise();
                }
            }
        }
    }
}
