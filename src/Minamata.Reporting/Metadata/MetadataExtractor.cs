using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Metadata;

/// <summary>
/// Reads one file into its metadata record. The intake and <c>minamata extract</c> both call this,
/// so a report gets the same record whichever way it came in.
/// </summary>
public sealed class MetadataExtractor
{
    /// <summary>
    /// Which extraction a report's record came from, stored with it. Raise it with a change to the
    /// readers or finders that reads documents differently; <c>minamata reextract</c> and the API's
    /// re-extraction then tell old records from new.
    /// </summary>
    public const string Version = "2026-12-01.2";

    private const int HeadBytes = 8 * 1024;
    private readonly ExtractionOptions options;
    private readonly IReadOnlyList<IDocumentReader> readers;

    /// <param name="readers">In the order of <see cref="DocumentReaders.AddDocumentReaders"/>: the first that recognises the file reads it.</param>
    public MetadataExtractor(IEnumerable<IDocumentReader> readers, IOptions<ExtractionOptions> options)
    {
        this.options = options.Value;
        this.readers = readers.ToList();
    }

    /// <summary>The text of a file, by the reader its first bytes call for; no hash, no fields.</summary>
    /// <exception cref="DocumentReadException">The file cannot be read; its code says why.</exception>
    public DocumentText ReadText(Stream content, CancellationToken cancellationToken = default)
    {
        CheckSize(content);
        var start = content.Position;
        var head = new byte[(int)Math.Min(HeadBytes, content.Length - start)];
        content.ReadExactly(head);
        content.Position = start;
        var reader = readers.FirstOrDefault(r => r.Recognises(head))
            ?? throw new DocumentReadException(DocumentErrorCodes.UnsupportedFormat, "The file is not a format the pipeline reads (DOCX, PDF, text, HTML or Markdown).");
        return reader.Read(content, new ReadBudget(options, cancellationToken));
    }

    /// <summary>Reads a file's metadata; <paramref name="content"/> must be seekable (a file, or a spooled download).</summary>
    /// <exception cref="DocumentReadException">The file cannot be read; its code says why.</exception>
    public async Task<ReportMetadata> ExtractAsync(Stream content, string file, CancellationToken cancellationToken) =>
        (await ExtractWithTextAsync(content, file, cancellationToken)).Metadata;

    /// <summary>Reads a file's metadata and keeps the text it was read from, which the index searches.</summary>
    /// <exception cref="DocumentReadException">The file cannot be read; its code says why.</exception>
    public async Task<Extraction> ExtractWithTextAsync(Stream content, string file, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content stream must be seekable.", nameof(content));
        }

        // Refused before hashing: an empty or oversized file is not worth reading at all.
        CheckSize(content);
        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

        content.Position = 0;
        var document = ReadText(content, cancellationToken);
        try
        {
            return new Extraction(MetadataFields.Read(document, file, sha256), document.Text);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, "Finding the report's fields took too long on this text.", e);
        }
    }

    private void CheckSize(Stream content)
    {
        if (content.Length == 0)
        {
            throw new DocumentReadException(DocumentErrorCodes.Empty, "The file is empty.");
        }

        if (content.Length > options.MaxFileBytes)
        {
            throw new DocumentReadException(DocumentErrorCodes.TooLarge, $"The file is larger than {options.MaxFileBytes} bytes.");
        }
    }
}

/// <summary>A file's metadata and the text it was read from.</summary>
public sealed record Extraction(ReportMetadata Metadata, string Text);
