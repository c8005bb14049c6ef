using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minamata.Reporting.Compilation;

namespace Minamata.Reporting.Issuance;

/// <summary>
/// The INF document of an issued report. For a Word original, one file: the cover page as a
/// section of its own, then the report as the partner wrote it. The cover is put in front of the
/// original rather than the original copied behind the cover, so the report's styles, numbering,
/// footnotes, headers, footers and images stay exactly as they were (an altChunk would leave the
/// merging to the reader, and LibreOffice does not do it). For other formats, the cover alone.
/// </summary>
public static class InfDocument
{
    public static byte[] Write(ReportLayout cover, Stream? wordOriginal)
    {
        var front = DocxReportWriter.Write(cover);
        if (wordOriginal is null)
        {
            return front;
        }

        using var merged = new MemoryStream();
        wordOriginal.CopyTo(merged);
        using (var original = WordprocessingDocument.Open(merged, isEditable: true))
        using (var coverDocument = WordprocessingDocument.Open(new MemoryStream(front), isEditable: false))
        {
            var main = original.MainDocumentPart ?? throw new InvalidDataException("The Word file has no main document.");
            var body = main.Document?.Body ?? throw new InvalidDataException("The Word file has no body.");
            var coverMain = coverDocument.MainDocumentPart!;
            var coverBody = coverMain.Document!.Body!;
            AddMissingStyles(main, coverMain, coverBody);

            // The cover's own page and margins, and no header or footer: a first section without
            // references has none, and the report's sections keep theirs.
            var coverSection = (SectionProperties)coverBody.Elements<SectionProperties>().Single().CloneNode(true);
            coverSection.RemoveAllChildren<HeaderReference>();
            coverSection.RemoveAllChildren<FooterReference>();
            coverSection.RemoveAllChildren<TitlePage>();
            var first = body.FirstChild;
            foreach (var paragraph in coverBody.Elements<Paragraph>())
            {
                body.InsertBefore(paragraph.CloneNode(true), first);
            }

            body.InsertBefore(new Paragraph(new ParagraphProperties(coverSection)), first);
            StartOnANewPage(body);
            main.Document.Save();
        }

        return merged.ToArray();
    }

    /// <summary>The styles the cover uses that the report does not define, copied from the cover's.</summary>
    private static void AddMissingStyles(MainDocumentPart main, MainDocumentPart coverMain, Body coverBody)
    {
        var used = coverBody.Descendants<ParagraphStyleId>().Select(s => s.Val?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var stylesPart = main.StyleDefinitionsPart ?? main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles ??= new Styles();
        var present = stylesPart.Styles.Elements<Style>().Select(s => s.StyleId?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var style in coverMain.StyleDefinitionsPart!.Styles!.Elements<Style>().Where(s => s.StyleId?.Value is { } id && used.Contains(id) && !present.Contains(id)))
        {
            stylesPart.Styles.Append(style.CloneNode(true));
        }
    }

    /// <summary>The report's first section starts a page, whatever it said (a continuous start would put it under the cover).</summary>
    private static void StartOnANewPage(Body body)
    {
        var sections = body.Descendants<SectionProperties>().ToList();
        // The cover's section is the first; the report's first section is the next one.
        if (sections.Count > 1 && sections[1].GetFirstChild<SectionType>() is { } type && type.Val?.Value == SectionMarkValues.Continuous)
        {
            type.Val = SectionMarkValues.NextPage;
        }
    }
}
