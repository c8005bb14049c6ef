using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Word documents: the body in reading order with table cells as lines, then footnotes and endnotes;
/// page headers and footers apart, as the running text (the UN template often prints the symbol
/// only there). Parts are read with a forward-only reader, text nodes in chunks, so memory is the
/// extracted text. The package is checked against the zip limits before any part is unpacked, and
/// DTDs are never processed.
/// </summary>
public sealed class DocxReader(IOptions<ExtractionOptions> options) : IDocumentReader
{
    private readonly ExtractionOptions limits = options.Value;

    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public DocumentText Read(Stream content, ReadBudget budget)
    {
        CheckPackage(content);
        content.Position = 0;
        try
        {
            using var document = WordprocessingDocument.Open(content, false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxUncompressedBytes / 2,
                AutoSave = false,
            });
            var main = document.MainDocumentPart ?? throw NotWord();
            var running = new BoundedText(limits.MaxTextCharacters);
            foreach (var part in main.HeaderParts.Cast<OpenXmlPart>().Concat(main.FooterParts))
            {
                AppendPart(part, running, budget);
            }

            var text = new BoundedText(limits.MaxTextCharacters);
            AppendPart(main, text, budget);
            if (main.FootnotesPart is { } footnotes)
            {
                AppendPart(footnotes, text, budget);
            }

            if (main.EndnotesPart is { } endnotes)
            {
                AppendPart(endnotes, text, budget);
            }

            var title = document.PackageProperties.Title;
            return new DocumentText(DocumentFormat.Docx, text.ToString(), new DocumentHints(string.IsNullOrWhiteSpace(title) ? null : title.Trim()))
            {
                RunningText = running.ToString(),
            };
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, "The document declares a DTD (entity expansion); it is not read.", e);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, "A part of the document unpacks to more than the limit.", e);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or OpenXmlPackageException or FileFormatException or IOException)
        {
            throw new DocumentReadException(DocumentErrorCodes.Corrupt, "The Word document is damaged and cannot be read.", e);
        }
    }

    /// <summary>Refuses zip bombs and crafted packages from the central directory alone, before unpacking anything.</summary>
    private void CheckPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxZipEntries)
            {
                throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"The package has {entries.Count} entries; at most {limits.MaxZipEntries} are read.");
            }

            long total = 0;
            var isWord = false;
            foreach (var entry in entries)
            {
                total += entry.Length;
                isWord |= entry.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase);
            }

            if (total > limits.MaxUncompressedBytes)
            {
                throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"The package unpacks to {total} bytes; at most {limits.MaxUncompressedBytes} are read.");
            }

            if (!isWord)
            {
                throw NotWord();
            }
        }
        catch (InvalidDataException e)
        {
            throw new DocumentReadException(DocumentErrorCodes.Corrupt, "The file starts like a Word document but its zip structure is damaged or cut off.", e);
        }
    }

    /// <summary>
    /// Appends a part's text with a forward-only XML reader; a text node is read in chunks, so even
    /// one <c>w:t</c> of hundreds of megabytes costs no more than the text budget.
    /// </summary>
    private void AppendPart(OpenXmlPart part, BoundedText text, ReadBudget budget)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxUncompressedBytes / 2,
        });
        var chunk = new char[8192];
        while (reader.Read())
        {
            if (!IsWord(reader))
            {
                continue;
            }

            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName is "p" or "tc")
                {
                    text.EndLine();
                }

                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "t" when !reader.IsEmptyElement:
                    AppendTextNode(reader, text, chunk);
                    break;
                case "tabs" when !reader.IsEmptyElement:
                    // Tab stops in paragraph properties share the name w:tab with the tab character.
                    reader.Skip();
                    break;
                case "tab":
                    text.Append('\t');
                    break;
                case "br" when reader.GetAttribute("type", reader.NamespaceURI) == "page":
                    text.Append('\n').Append(DocumentText.PageBreak);
                    break;
                case "lastRenderedPageBreak":
                    // Where Word's last layout broke the page: the only page numbers a DOCX carries.
                    text.Append(DocumentText.PageMark);
                    break;
                case "br" or "cr":
                    text.Append('\n');
                    break;
                case "p":
                    budget.Checkpoint();
                    text.EndLine();
                    break;
                case "tc" when reader.IsEmptyElement:
                    text.EndLine();
                    break;
            }
        }

        text.EndLine();
    }

    private static void AppendTextNode(XmlReader reader, BoundedText text, char[] chunk)
    {
        while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    text.Append(chunk.AsSpan(0, read));
                }
            }
        }
    }

    /// <summary>WordprocessingML elements, in the transitional or the strict namespace.</summary>
    private static bool IsWord(XmlReader reader) =>
        reader.NamespaceURI is "http://schemas.openxmlformats.org/wordprocessingml/2006/main" or "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private static DocumentReadException NotWord() =>
        new(DocumentErrorCodes.UnsupportedFormat, "The file is a zip package but not a Word (.docx) document.");
}
