namespace Minamata.Reporting.Documents;

/// <summary>Reads the text of one format. The extractor picks the reader by the file's first bytes, never by its name.</summary>
public interface IDocumentReader
{
    /// <summary>Whether the file's first bytes are this reader's format.</summary>
    bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>Reads the text from a seekable stream positioned at its start.</summary>
    /// <exception cref="DocumentReadException">The file is damaged, encrypted or past a limit.</exception>
    DocumentText Read(Stream content, ReadBudget budget);
}
