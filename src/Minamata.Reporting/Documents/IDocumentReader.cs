namespace Minamata.Reporting.Documents;

/// <summary>Reads the text of one format. Readers are chosen by <see cref="FormatSniffer"/>, never by file name.</summary>
public interface IDocumentReader
{
    /// <summary>Whether the file's first bytes are this reader's format.</summary>
    bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>Reads the text from a seekable stream positioned at its start.</summary>
    DocumentText Read(Stream content, CancellationToken cancellationToken);
}
