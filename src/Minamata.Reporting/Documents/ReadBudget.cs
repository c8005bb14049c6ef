using System.Diagnostics;

namespace Minamata.Reporting.Documents;

/// <summary>
/// What reading one document may cost, counted while it is read: wall-clock time, bytes decoded from
/// compressed streams, and memory allocated by the reading thread. Readers call
/// <see cref="Checkpoint"/> between units of work (a page, a paragraph, a stream); past any budget the
/// document is refused with <c>limits-exceeded</c>, so a crafted file costs at most the budget, never
/// the process.
/// </summary>
public sealed class ReadBudget
{
    private readonly ExtractionOptions limits;
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private readonly long allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
    private long pageDrawingBytes;
    private long documentDrawingBytes;

    public ReadBudget(ExtractionOptions limits, CancellationToken cancellationToken)
    {
        this.limits = limits;
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public ExtractionOptions Limits => limits;

    /// <summary>Stops the read if the host is stopping or the document has used up its time or memory.</summary>
    public void Checkpoint()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (elapsed.Elapsed > limits.MaxReadTime)
        {
            throw Exceeded($"Reading the document took longer than {limits.MaxReadTime.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s.");
        }

        // Reading is synchronous on one thread, so what this thread allocated is what the document
        // cost. It catches runaway work the other budgets do not foresee; the peak itself is bounded
        // by the text, page and stream budgets.
        if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart > limits.MaxReadAllocatedBytes)
        {
            throw Exceeded($"Reading the document allocated more than {Mebibytes(limits.MaxReadAllocatedBytes)} MiB.");
        }
    }

    /// <summary>A new page begins: its drawing budget starts afresh.</summary>
    public void StartPage()
    {
        pageDrawingBytes = 0;
        Checkpoint();
    }

    /// <summary>
    /// Counts what one stream decodes to. Drawing instructions (page content, forms) are what PdfPig
    /// turns into glyphs held all at once, so they count against the page's and the document's
    /// drawing budgets; every stream, fonts included, against the per-stream one.
    /// </summary>
    public void ChargeDecoded(long streamBytes, bool drawing)
    {
        if (streamBytes > limits.MaxDecodedStreamBytes)
        {
            throw Exceeded($"A stream in the document decodes to more than {Mebibytes(limits.MaxDecodedStreamBytes)} MiB.");
        }

        if (drawing)
        {
            pageDrawingBytes += streamBytes;
            documentDrawingBytes += streamBytes;
            if (pageDrawingBytes > limits.MaxPageDrawingBytes)
            {
                throw Exceeded($"A page's drawing instructions decode to more than {Mebibytes(limits.MaxPageDrawingBytes)} MiB.");
            }

            if (documentDrawingBytes > limits.MaxDocumentDrawingBytes)
            {
                throw Exceeded($"The pages' drawing instructions decode to more than {Mebibytes(limits.MaxDocumentDrawingBytes)} MiB in all.");
            }
        }

        Checkpoint();
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static DocumentReadException Exceeded(string message) => new(DocumentErrorCodes.LimitsExceeded, message);
}
