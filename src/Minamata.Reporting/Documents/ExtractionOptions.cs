using System.ComponentModel.DataAnnotations;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Limits that keep reading any file bounded in time and memory (<c>Minamata:Extraction</c>).
/// A file past a limit is refused with <c>too-large</c> or <c>limits-exceeded</c>.
/// </summary>
public sealed class ExtractionOptions
{
    public const string Section = "Minamata:Extraction";

    /// <summary>Files above this size are refused with <c>too-large</c>, uploads too.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Text beyond this many characters is not read (about 3,000 pages). It bounds the memory one
    /// intake takes: the text is held whole while its fields are found.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxTextCharacters { get; set; } = 8_000_000;

    [Range(1, 1_000_000)]
    public int MaxPdfPages { get; set; } = 2_000;

    /// <summary>Entries in a DOCX package (a zip); more is a crafted file, not a report.</summary>
    [Range(1, 10_000_000)]
    public int MaxZipEntries { get; set; } = 10_000;

    /// <summary>What a DOCX package may unpack to, all parts together (zip bombs).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUncompressedBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>What any one compressed stream in a PDF (a font, an image, page content) may decode to.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecodedStreamBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// What one PDF page's drawing instructions may decode to. PdfPig holds every glyph of a page at
    /// once, about 150 bytes of memory per byte of instructions (measured: 1 MiB of text-drawing
    /// took the command line to 195 MB, 4 MiB to 506 MB); a dense text page needs some 50 KiB.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxPageDrawingBytes { get; set; } = 1024L * 1024;

    /// <summary>What the drawing instructions of all pages may decode to together, a stream drawn on many pages counted each time.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDocumentDrawingBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How long reading one document may take before it is refused.</summary>
    [TimeSpanRange("00:00:00.100", "01:00:00")]
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What reading one document may allocate, all allocations counted (not only those still alive):
    /// a bound on work the other limits do not foresee.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxReadAllocatedBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>
    /// How deeply HTML elements may nest; deeper is refused as crafted. The parser itself stops
    /// nesting at about 510, as browsers do, so a value above that never refuses anything.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxHtmlDepth { get; set; } = 256;
}
