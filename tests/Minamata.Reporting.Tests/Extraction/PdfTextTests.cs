using Microsoft.Extensions.Options;
using Minamata.Fixtures;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Documents.Pdf;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Tests.Extraction;

/// <summary>
/// The text of PDFs that LibreOffice laid out (corpus documents), against their sources: paragraphs
/// whole, columns in order, hyphenation undone, headers apart, Arabic and Chinese as written.
/// </summary>
public sealed class PdfTextTests
{
    [Fact]
    public void Two_columns_are_read_column_by_column_each_paragraph_whole()
    {
        var text = Read("ru-gef-two-column");

        Assert.Contains("В соответствии с пунктом 6 a) статьи 13 Конвенции Целевой фонд ГЭФ является одним из элементов механизма финансирования. Согласно пункту 7 статьи 13 ГЭФ предоставляет новые, предсказуемые, достаточные и своевременные финансовые ресурсы для покрытия расходов в поддержку осуществления Конвенции в соответствии с руководящими указаниями Конференции Сторон.\n", text);
        Assert.Contains("четыре – на регулирование ртутных отходов и загрязненных участков (статьи 11 и 12), остальные – на поэтапный отказ от продуктов с добавлением ртути.\n", text);
    }

    [Fact]
    public void Words_hyphenated_at_a_line_end_are_whole_and_real_compounds_keep_their_hyphen()
    {
        var text = Read("en-ilo-working-paper");

        Assert.Contains("retort use remained exceptional even where retorts had been distributed free of charge.", text);
        Assert.Contains("Occupational exposure to mercury in artisanal and small-scale gold mining", text);
        Assert.DoesNotContain("smallscale", text);
        Assert.DoesNotContain(HyphenatedWords.Mark, text);
    }

    [Fact]
    public void Running_headers_are_apart_from_the_body_and_a_cover_keeps_its_symbol()
    {
        var document = ReadDocument("en-secretariat-cooperation-note");

        Assert.Contains("UNEP/MC/COP.7/12", document.RunningText);
        Assert.Equal(1, document.Text.Split('\n').Count(l => l == "UNEP/MC/COP.7/12"));
    }

    [Fact]
    public void Arabic_reads_in_logical_order_with_its_brackets_numbers_and_ligatures()
    {
        var text = Read("ar-secretariat-inf-note");

        Assert.Contains("مذكرة من الأمانة", text);
        Assert.Contains("(المادة 4)", text);
        Assert.Contains("جنيف، 1-5 تشرين الثاني/نوفمبر 2027", text);
        // "و12" broke at the line end after "و"; the join puts a space there, as at any line end.
        Assert.Matches(@"UNEP/MC/COP\.6/INF/9 و10 و ?12\.", text);
        Assert.DoesNotContain(text, c => Scripts.IsPresentationForm(c));
    }

    [Fact]
    public void Chinese_has_no_spaces_between_its_characters_nor_beside_digits()
    {
        var text = Read("zh-secretariat-inf-note");

        Assert.Contains("第十一条第3款(a)项规定", text);
        Assert.Contains("2027年11月1日至5日，日内瓦", text);
    }

    [Theory]
    [InlineData("5-1 ،فينج", "جنيف، 1-5")]
    [InlineData(")4 ةداملا(", "(المادة 4)")]
    [InlineData("UNEP/MC/COP.6/INF/25-27 قئاثولا", "الوثائق UNEP/MC/COP.6/INF/25-27")]
    [InlineData("Minamata Convention ةيقافتا", "اتفاقية Minamata Convention")]
    [InlineData("2027 هيلوي/زومت 15", "15 تموز/يوليه 2027")]
    public void A_right_to_left_line_drawn_left_to_right_is_put_in_logical_order(string visual, string logical)
    {
        Assert.Equal(logical, RightToLeftText.ToLogicalOrder(visual));
    }

    [Fact]
    public void A_hyphen_at_a_line_end_stays_only_where_the_document_hyphenates_the_word_elsewhere()
    {
        var text = $"small{HyphenatedWords.Mark}scale mining, and small-scale miners; organiza{HyphenatedWords.Mark}tions";

        Assert.Equal("small-scale mining, and small-scale miners; organizations", HyphenatedWords.Resolve(text));
    }

    [Fact]
    public void Wrapped_lines_join_and_a_short_line_ends_its_paragraph()
    {
        LaidOutLine Line(string text, double end, double baseline, double size = 10) => new(text, 50, end, baseline, size, false, false, 20);
        var lines = new[]
        {
            Line("Matters for consideration or action by the", 250, 700),
            Line("Conference of the Parties: international", 245, 688),
            Line("cooperation", 110, 676),
            Line("A title in larger type", 200, 650, 14),
            Line("1. The secretariat has the honour to circulate, in the annex to the present note, the report of UNEP/MC/", 500, 620),
            Line("COP.6/INF/30, which is short.", 200, 608),
            Line("2. Next paragraph.", 150, 596),
        };

        var paragraphs = PdfParagraphs.Join(lines);

        Assert.Equal(
            [
                "Matters for consideration or action by the Conference of the Parties: international cooperation",
                "A title in larger type",
                "1. The secretariat has the honour to circulate, in the annex to the present note, the report of UNEP/MC/COP.6/INF/30, which is short.",
                "2. Next paragraph.",
            ],
            paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void A_paragraph_broken_by_a_page_break_reads_whole_on_its_first_page_and_its_footnotes_stay_after_it()
    {
        // Page 1 ends mid-word in body type, with two footnotes in small print under it; page 2 goes on in lower case.
        List<PdfParagraph> first = [new("8. The partnership area registered a commitment to reduce the online sale of skin-", false), new("www.unep.org/globalmercurypartnership.", true), new("The plans are listed in document UNEP/MC/COP.7/INF/5.", true)];
        List<PdfParagraph> second = [new("lightening products containing mercury. Market surveys followed.", false), new("Case studies were compiled.", false)];
        // A page whose last paragraph ends a sentence is left as it is, even before lower case.
        List<PdfParagraph> third = [new("The third page ends a sentence.", false)];
        List<PdfParagraph> fourth = [new("mercury, in lower case after a full stop", false)];
        var pages = new List<List<PdfParagraph>> { first, second, third, fourth };

        PdfParagraphs.JoinAcrossPages(pages);

        Assert.Equal(
            [$"8. The partnership area registered a commitment to reduce the online sale of skin{HyphenatedWords.Mark}lightening products containing mercury. Market surveys followed.", "www.unep.org/globalmercurypartnership.", "The plans are listed in document UNEP/MC/COP.7/INF/5."],
            pages[0].Select(p => p.Text));
        Assert.Equal(["Case studies were compiled."], pages[1].Select(p => p.Text));
        Assert.Equal(["The third page ends a sentence."], pages[2].Select(p => p.Text));
        Assert.Equal(["mercury, in lower case after a full stop"], pages[3].Select(p => p.Text));
    }

    [Fact]
    public void A_frame_drawn_after_the_body_but_standing_above_it_is_read_first()
    {
        LaidOutLine Line(string text, double baseline) => new(text, 50, 300, baseline, 10, false, false, 20);
        var drawn = new List<LaidOutLine> { Line("1. Context", 600), Line("The body.", 588), Line("World Health Organization", 780), Line("Brazzaville, 3 March 2027", 768) };

        Assert.Equal(["World Health Organization", "Brazzaville, 3 March 2027", "1. Context", "The body."], PdfPageLines.TopFirst(drawn).Select(l => l.Text));
    }

    [Fact]
    public void Arabic_justified_with_stretches_reads_as_its_words()
    {
        var text = Read("ar-h2-unep-rowa-manama");

        Assert.Contains("مرفق البيئة العالمية", text);
        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not '\n' and not DocumentText.PageMark);
    }

    private static string Read(string name) => ReadDocument(name).Text;

    private static DocumentText ReadDocument(string name)
    {
        using var content = File.OpenRead(CorpusDocument.Load(name, "pdf").Path);
        return DocumentReaders.Extractor().ReadText(content);
    }
}
