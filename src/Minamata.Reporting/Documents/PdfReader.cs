using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Minamata.Reporting.Documents;

/// <summary>PDF: the text of each page in content order (PdfPig), and the document information title as a hint.</summary>
public sealed class PdfReader(ExtractionOptions limits) : IDocumentReader
{
    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    public DocumentText Read(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { ClipPaths = false, SkipMissingFonts = true });
            if (document.NumberOfPages > limits.MaxPdfPages)
            {
                throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"The PDF has {document.NumberOfPages} pages; at most {limits.MaxPdfPages} are read.");
            }

            var text = new BoundedText(limits.MaxTextCharacters);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (page.Number > 1)
                {
                    text.Append(DocumentText.PageBreak);
                }

                text.Append(ContentOrderTextExtractor.GetText(page)).EndLine();
            }

            var title = document.Information.Title;
            return new DocumentText(DocumentFormat.Pdf, text.ToString(), new DocumentHints(string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentReadException(DocumentErrorCodes.Encrypted, "The PDF is encrypted; send it without a password.", e);
        }
        catch (Exception e) when (e is not DocumentReadException and not OperationCanceledException)
        {
            // PdfPig reports damage through several exception types; all of them mean the same to a partner.
            throw new DocumentReadException(DocumentErrorCodes.Corrupt, "The PDF is damaged and cannot be read.", e);
        }
    }
}
