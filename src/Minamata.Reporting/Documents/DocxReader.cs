using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Minamata.Reporting.Documents;

/// <summary>
/// Word documents: the body in reading order with table cells as lines, then footnotes and endnotes;
/// page headers and footers apart, as the running text (the UN template often prints the symbol
/// only there). Parts are read
/// with a forward-only reader, so memory is the extracted text. The package is checked against the
/// zip limits before any part is unpacked, and DTDs are never processed.
/// </summary>
public sealed class DocxReader(ExtractionOptions limits) : IDocumentReader
{
    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public DocumentText Read(Stream content, CancellationToken cancellationToken)
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
                AppendPart(part, running, cancellationToken);
            }

            var text = new BoundedText(limits.MaxTextCharacters);
            AppendPart(main, text, cancellationToken);
            if (main.FootnotesPart is { } footnotes)
            {
                AppendPart(footnotes, text, cancellationToken);
            }

            if (main.EndnotesPart is { } endnotes)
            {
                AppendPart(endnotes, text, cancellationToken);
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

    private static void AppendPart(OpenXmlPart part, BoundedText text, CancellationToken cancellationToken)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                if (reader.ElementType == typeof(Paragraph) || reader.ElementType == typeof(TableCell))
                {
                    text.EndLine();
                }

                continue;
            }

            if (reader.ElementType == typeof(Text))
            {
                text.Append(reader.GetText());
            }
            else if (reader.ElementType == typeof(TabChar))
            {
                text.Append('\t');
            }
            else if (reader.ElementType == typeof(Break) && reader.Attributes.Any(a => a.LocalName == "type" && a.Value == "page"))
            {
                text.Append('\n').Append(DocumentText.PageBreak);
            }
            else if (reader.ElementType == typeof(LastRenderedPageBreak))
            {
                // Where Word's last layout broke the page: the only page numbers a DOCX carries.
                text.Append(DocumentText.PageMark);
            }
            else if (reader.ElementType == typeof(Break) || reader.ElementType == typeof(CarriageReturn))
            {
                text.Append('\n');
            }
            else if (reader.ElementType == typeof(Paragraph))
            {
                cancellationToken.ThrowIfCancellationRequested();
                text.EndLine();
            }
        }

        text.EndLine();
    }

    private static DocumentReadException NotWord() =>
        new(DocumentErrorCodes.UnsupportedFormat, "The file is a zip package but not a Word (.docx) document.");
}
