using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Minamata.Reporting.Compilation;
using UglyToad.PdfPig;

namespace Minamata.Reporting.Tests.Compilation;

/// <summary>
/// The compiled note's Word file as the secretariat opens it: valid for Word, and converted to PDF
/// by LibreOffice (Debian's <c>libreoffice-writer-nogui</c>, which <c>.ci/run</c> installs), with
/// its cover, every heading, the symbol in the page header from page 2, and tables that fit the page.
/// </summary>
public sealed partial class WordLayoutTests(OfflineCompilationTests.Compiled compiled) : IClassFixture<OfflineCompilationTests.Compiled>
{
    private const string Soffice = "/usr/bin/soffice";

    [Fact]
    public void The_word_file_is_valid_open_xml()
    {
        var errors = new OpenXmlValidator().Validate(compiled.Word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Every_table_has_fixed_columns_that_fit_the_text_width_with_the_header_row_repeated_and_the_title_column_a_third_of_it()
    {
        var body = compiled.Word.MainDocumentPart!.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        var page = section.GetFirstChild<PageSize>()!;
        var margins = section.GetFirstChild<PageMargin>()!;
        var textWidth = (int)page.Width!.Value - (int)margins.Left!.Value - (int)margins.Right!.Value;
        var tables = body.Elements<Table>().ToList();

        Assert.Equal(3, tables.Count);
        foreach (var table in tables)
        {
            Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.GetFirstChild<TableLayout>()!.Type!.Value);
            var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
            Assert.True(grid.Sum() <= textWidth, $"The grid is {grid.Sum()} twips wide; the text is {textWidth}.");
            Assert.All(table.Elements<TableRow>(), row => Assert.Equal(grid, row.Elements<TableCell>().Select(c => int.Parse(c.TableCellProperties!.TableCellWidth!.Width!.Value!))));
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        }

        // Annex II: the documents received, whose title is their longest value.
        var documents = tables[1];
        var headings = documents.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        var title = int.Parse(documents.GetFirstChild<TableGrid>()!.Elements<GridColumn>().ElementAt(headings.IndexOf("Title")).Width!.Value!);
        Assert.True(title * 3 >= textWidth, $"The title column is {title} twips of {textWidth}.");
    }

    [Fact]
    public async Task Libreoffice_prints_the_cover_every_heading_and_the_symbol_in_the_header_from_page_two()
    {
        Assert.True(File.Exists(Soffice), $"This test converts the Word file with LibreOffice at {Soffice} (apt-get install libreoffice-writer-nogui; .ci/run installs it).");
        using var document = PdfDocument.Open(await ConvertToPdfAsync(compiled.DocxPath));
        var pages = document.GetPages().Select(p => Spaces().Replace(string.Join(' ', p.GetWords().Select(w => w.Text)), " ")).ToList();
        var all = string.Join(' ', pages);
        string[] cover =
        [
            "UNEP/MC/COP.7/INF/__", "Distr.: General", "Original: English", "Conference of the Parties to the Minamata Convention on Mercury",
            "Seventh meeting", "Geneva, 1–5 November 2027", "Item 5 (k) of the provisional agenda", "International cooperation and coordination",
            "International cooperation and coordination: report on the implementation of decision MC-6/__", "Note by the secretariat",
        ];
        Assert.All(cover, line => Assert.Contains(line, pages[0]));
        var headings = compiled.Word.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2")
            .Select(p => Spaces().Replace(string.Join(' ', p.Descendants<Text>().Select(t => t.Text)).Replace('\t', ' '), " "))
            .ToList();
        Assert.Equal(13, headings.Count);
        Assert.All(headings, heading => Assert.Contains(heading, all));
        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
        Assert.StartsWith("UNEP/MC/COP.7/INF/__", pages[1]);
        Assert.EndsWith(" 2", pages[1]);
    }

    /// <summary>LibreOffice's PDF of the file, made with a profile of its own so that it never waits for another running instance.</summary>
    private static async Task<byte[]> ConvertToPdfAsync(string docx)
    {
        var folder = Directory.CreateTempSubdirectory("minamata-lo-").FullName;
        try
        {
            return await ConvertAsync(docx, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> ConvertAsync(string docx, string folder)
    {
        var start = new ProcessStartInfo(Soffice)
        {
            ArgumentList = { $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder, docx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var pdf = Path.Combine(folder, Path.ChangeExtension(Path.GetFileName(docx), ".pdf"));
        Assert.True(File.Exists(pdf), $"LibreOffice made no PDF: {await process.StandardError.ReadToEndAsync()}");
        return await File.ReadAllBytesAsync(pdf);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
