using Minamata.Reporting.Compilation;

namespace Minamata.Reporting.Tests.Compilation;

/// <summary>What a quotation keeps of a sentence as a document exported it: the words, not the typesetting.</summary>
public sealed class QuotationCleanerTests
{
    [Theory]
    // A footnote marker glued to the word or the full stop before it.
    [InlineData("It worked with the Global Mercury Partnership.2", "It worked with the Global Mercury Partnership.")]
    [InlineData("WHO supported national action plans3 in five countries.", "WHO supported national action plans in five countries.")]
    [InlineData("The guidance was adopted,12 and then revised.", "The guidance was adopted, and then revised.")]
    [InlineData("The guidance[4] was published in 2026.", "The guidance was published in 2026.")]
    [InlineData("The guidance¹ was published in 2026.²", "The guidance was published in 2026.")]
    // Numbers that belong to the text stay.
    [InlineData("Under article 16, paragraph 2, WHO reported in 2026.", "Under article 16, paragraph 2, WHO reported in 2026.")]
    [InlineData("See UNEP/MC/COP.6/INF/30 and decision MC-4/8.", "See UNEP/MC/COP.6/INF/30 and decision MC-4/8.")]
    [InlineData("Emissions fell by 3.5 per cent in 2025.", "Emissions fell by 3.5 per cent in 2025.")]
    public void Footnote_markers_are_gone_and_numbers_of_the_text_stay(string sentence, string quoted) =>
        Assert.Equal(quoted, QuotationCleaner.Clean(sentence));

    [Theory]
    [InlineData("[1] III. Activities of the World Health Organization in 2026 included training.", "Activities of the World Health Organization in 2026 included training.")]
    [InlineData("2.3 The secretariat of the Basel Convention held two webinars on mercury waste.", "The secretariat of the Basel Convention held two webinars on mercury waste.")]
    [InlineData("IV. Cooperation with the International Labour Organization continued in 2026.", "Cooperation with the International Labour Organization continued in 2026.")]
    [InlineData("B. The Partnership met twice in 2026 to review its business plan.", "The Partnership met twice in 2026 to review its business plan.")]
    public void Heading_numbers_before_the_sentence_are_gone(string sentence, string quoted) =>
        Assert.Equal(quoted, QuotationCleaner.Clean(sentence));

    [Theory]
    [InlineData("The mer- cury inventory was com- pleted in 2026.", "The mercury inventory was completed in 2026.")]
    [InlineData("Small- and medium-sized enterprises were trained.", "Small- and medium-sized enterprises were trained.")]
    [InlineData("The mer\u00ADcury inventory was completed.", "The mercury inventory was completed.")]
    public void Words_wrapped_at_a_line_end_are_whole_again(string sentence, string quoted) =>
        Assert.Equal(quoted, QuotationCleaner.Clean(sentence));

    [Theory]
    [InlineData("The ﬁrst ﬂoor of the ofﬁce was tested.", "The first floor of the office was tested.")]
    [InlineData("WHO\u200B trained  inspectors\u00A0 in \t five   countries .", "WHO trained inspectors in five countries.")]
    [InlineData("• The Partnership published guidance on dental amalgam.", "The Partnership published guidance on dental amalgam.")]
    [InlineData("\uF0B7 The Partnership published guidance on dental amalgam.", "The Partnership published guidance on dental amalgam.")]
    [InlineData("“The guidance ” was published ( in 2026 ) .", "“The guidance” was published (in 2026).")]
    public void Export_artefacts_and_broken_whitespace_are_gone(string sentence, string quoted) =>
        Assert.Equal(quoted, QuotationCleaner.Clean(sentence));

    [Theory]
    [InlineData("世界卫生组织于2026年支持了五个国家的国家行动计划。3", "世界卫生组织于2026年支持了五个国家的国家行动计划。")]
    [InlineData("世界卫生组织 于 2026 年支持了 五个国家。", "世界卫生组织于2026年支持了五个国家。")]
    [InlineData("دعمت منظمة الصحة العالمية خطط العمل الوطنية في خمسة بلدان.٢", "دعمت منظمة الصحة العالمية خطط العمل الوطنية في خمسة بلدان.")]
    public void Chinese_and_arabic_sentences_come_out_whole_and_clean(string sentence, string quoted) =>
        Assert.Equal(quoted, QuotationCleaner.Clean(sentence));
}
