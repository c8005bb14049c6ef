using System.Text;
using Microsoft.Extensions.Options;
using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

public sealed class LanguageAndCoverTests
{
    [Theory]
    [InlineData("The report of the secretariat on the work of the Conference and its bodies.", "en")]
    [InlineData("Le rapport du secrétariat sur les travaux de la Conférence et des organes.", "fr")]
    [InlineData("El informe de la secretaría sobre los trabajos de la Conferencia y los órganos.", "es")]
    [InlineData("Доклад секретариата о работе Конференции UNEP/MC/COP.6/INF/30.", "ru")]
    [InlineData("تقرير الأمانة عن أعمال المؤتمر UNEP/MC/COP.6/INF/30", "ar")]
    [InlineData("秘书处关于大会工作的报告UNEP/MC/COP.6/INF/30", "zh")]
    [InlineData("Der Bericht der Sekretariats über die Arbeit und die Organe.", "de")]
    [InlineData("12345 67890", null)]
    public void The_language_is_told_by_script_then_by_function_words(string text, string? language)
    {
        Assert.Equal(language, LanguageDetector.Detect(text));
    }

    [Fact]
    public void The_title_skips_symbol_distribution_date_meeting_and_agenda_lines_and_joins_two_lines()
    {
        var cover = CoverPage.Read("""
            UNEP/MC/COP.7/INF/12
            Distr.: General
            15 July 2027
            Original: English
            Conference of the Parties to the Minamata Convention on Mercury
            Seventh meeting
            Geneva, 1–5 November 2027
            Item 5 (c) of the provisional agenda*
            Matters for consideration: international cooperation and coordination
            International cooperation
            and coordination.
            Note by the secretariat
            1. The secretariat has the honour to circulate the report.
            """);

        Assert.Equal("International cooperation and coordination", cover.Title());
    }

    [Fact]
    public void A_long_title_is_kept_whole()
    {
        // 381 characters in one paragraph, as a Word title of a partner's report can be.
        const string title = "Report of the World Health Organization on the implementation of decision MC-5/4 concerning the health aspects of mercury exposure, including occupational exposure in artisanal and small-scale gold mining, the phase-down of dental amalgam, mercury-added skin-lightening products and the strengthening of national health-sector strategies under article 16 of the Minamata Convention";
        var cover = CoverPage.Read($"{title}\n\nThe World Health Organization supported ministries of health in 2026.");

        Assert.Equal(title, cover.Title());
    }

    [Theory]
    [InlineData("Note du secrétariat")]
    [InlineData("Nota de la Secretaría")]
    [InlineData("Записка секретариата")]
    [InlineData("مذكرة من الأمانة")]
    [InlineData("秘书处的说明")]
    public void Note_by_the_secretariat_ends_the_title_in_every_language(string noteBy)
    {
        var cover = CoverPage.Read($"Distr.: General\nTitre du document\n{noteBy}\nI. Introduction\nTexte.");

        Assert.Equal("Titre du document", cover.Title());
    }

    [Fact]
    public void Russian_in_windows_1251_is_detected_and_french_in_windows_1252_is_not_taken_for_it()
    {
        var russian = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes("Доклад о сотрудничестве и координации в 2025 году");
        var french = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Le rapport présenté à la Conférence en août");
        var arabic = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes("تقرير الأمانة عن التعاون الدولي والتنسيق");

        Assert.Equal(1251, TextDecoding.LegacyEncoding(russian).CodePage);
        Assert.Equal(1252, TextDecoding.LegacyEncoding(french).CodePage);
        Assert.Equal(1256, TextDecoding.LegacyEncoding(arabic).CodePage);
        using var stream = new MemoryStream(russian);
        Assert.Equal("Доклад о сотрудничестве и координации в 2025 году", new PlainTextReader(Options.Create(new ExtractionOptions())).Read(stream, new ReadBudget(new ExtractionOptions(), default)).Text);
    }

    [Fact]
    public void Html_markup_inside_attributes_and_comments_leaks_nothing()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>Report <img alt=\"a > b\" src=\"x.png\"> on mercury<!-- a > b --></p><p title='<script>'>Annex</p></body></html>");

        var text = new HtmlReader(Options.Create(new ExtractionOptions())).Read(new MemoryStream(html), new ReadBudget(new ExtractionOptions(), default)).Text;

        Assert.Equal("Report on mercury\nAnnex\n", text);
    }

    [Fact]
    public void Markdown_and_html_lose_their_markup_and_keep_their_words()
    {
        var markdown = Encoding.UTF8.GetBytes("# Report of **WHO**\n\n- see [UNEP/MC/COP.6/INF/30](https://x.example/a)\n\n| a | b |\n|---|---|\n| c | d |\n");
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>T &amp; C</title><style>p{}</style></head><body><p>Report&nbsp;of <b>WHO</b></p><script>alert(1)</script><p>x</p></body></html>");
        var markdownReader = new MarkdownReader(Options.Create(new ExtractionOptions()));
        var htmlReader = new HtmlReader(Options.Create(new ExtractionOptions()));

        Assert.True(markdownReader.Recognises(markdown));
        Assert.False(markdownReader.Recognises(Encoding.UTF8.GetBytes("1. A numbered paragraph of plain text.\n2. Another one.")));
        Assert.True(htmlReader.Recognises(html));
        var mdText = markdownReader.Read(new MemoryStream(markdown), new ReadBudget(new ExtractionOptions(), default)).Text;
        Assert.Contains("Report of WHO", mdText);
        Assert.Contains("see UNEP/MC/COP.6/INF/30", mdText);
        Assert.DoesNotContain("https://", mdText);
        var htmlText = htmlReader.Read(new MemoryStream(html), new ReadBudget(new ExtractionOptions(), default));
        Assert.Equal("T & C", htmlText.Hints.Title);
        Assert.Contains("Report of WHO", htmlText.Text);
        Assert.DoesNotContain("alert", htmlText.Text);
    }
}
