using Microsoft.Extensions.Options;
using Minamata.Reporting.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Minamata.Reporting.Documents;

/// <summary>
/// PDF: each page's lines rebuilt from its letters (<see cref="PdfPageLines"/>), running headers and
/// footers set apart (<see cref="RunningLines"/>), wrapped lines joined into paragraphs
/// (<see cref="PdfParagraphs"/>); the document information title as a hint. Every stream PdfPig
/// decodes is charged to the document's budget (<see cref="BudgetedFilters"/>).
/// </summary>
public sealed class PdfReader(IOptions<ExtractionOptions> options) : IDocumentReader
{
    private readonly ExtractionOptions limits = options.Value;

    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    public DocumentText Read(Stream content, ReadBudget budget)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { ClipPaths = false, SkipMissingFonts = true, FilterProvider = new BudgetedFilters(budget) });
            if (document.NumberOfPages > limits.MaxPdfPages)
            {
                throw new DocumentReadException(DocumentErrorCodes.LimitsExceeded, $"The PDF has {document.NumberOfPages} pages; at most {limits.MaxPdfPages} are read.");
            }

            // All pages' lines are needed before any is written: a header is known by recurring.
            var read = new BoundedText(limits.MaxTextCharacters);
            var pages = new List<IReadOnlyList<LaidOutLine>>();
            var pageHeights = new List<double>();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                budget.StartPage();
                var page = document.GetPage(number);
                var lines = PdfPageLines.Read(page);
                foreach (var line in lines)
                {
                    read.Append(line.Text).EndLine();
                }

                pages.Add(lines);
                pageHeights.Add(page.Height);
            }

            var running = RunningLines.Find(pages, pageHeights);
            var runningText = pages.SelectMany((lines, page) => running[page].Order().Select(i => lines[i].Text)).Distinct(StringComparer.Ordinal);
            var paragraphs = pages.Select((lines, page) => PdfParagraphs.Join(PdfPageLines.TopFirst(lines.Where((_, i) => !running[page].Contains(i)).ToList()))).ToList();
            PdfParagraphs.JoinAcrossPages(paragraphs);
            var text = new BoundedText(limits.MaxTextCharacters);
            for (var page = 0; page < paragraphs.Count; page++)
            {
                if (page > 0)
                {
                    text.Append(DocumentText.PageBreak);
                }

                foreach (var paragraph in paragraphs[page])
                {
                    text.Append(paragraph.Text).EndLine();
                }
            }

            var title = document.Information.Title;
            return new DocumentText(DocumentFormat.Pdf, HyphenatedWords.Resolve(text.ToString()), new DocumentHints(string.IsNullOrWhiteSpace(title) ? null : title.Trim()))
            {
                RunningText = string.Join('\n', runningText),
            };
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
