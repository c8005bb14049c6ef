using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

public sealed class OrganizationFinderTests
{
    [Theory]
    [InlineData("The World Health Organization (WHO) reported.", "WHO")]
    [InlineData("cooperation with WHO", "WHO")]
    [InlineData("l'Organisation mondiale de la Santé", "WHO")]
    [InlineData("la Organización Mundial de la Salud", "WHO")]
    [InlineData("с Всемирной организацией здравоохранения", "WHO")]
    [InlineData("Всемирная организация здравоохранения", "WHO")]
    [InlineData("ولمنظمة الصحة العالمية", "WHO")]
    [InlineData("世卫组织", "WHO")]
    [InlineData("Детским фондом Организации Объединенных Наций", "UNICEF")]
    [InlineData("Международной организацией труда", "ILO")]
    [InlineData("Межправительственной группы по вопросам научно‑политического взаимодействия", "ISP-CWP")]
    [InlineData("Международной конференцией «Ртуть как глобальный загрязнитель»", "ICMGP")]
    [InlineData("the Basel, Rotterdam and Stockholm conventions", "BRS")]
    [InlineData("والبنك الدولي", "WB")]
    [InlineData("Global Environment Facility", "GEF")]
    [InlineData("the Inter-Organization Programme for the Sound Management of Chemicals", "IOMC")]
    [InlineData("the World Health Organisation", "WHO")]
    [InlineData("the International Labor Organization", "ILO")]
    [InlineData("the United Nations Environment Program", "UNEP")]
    [InlineData("the UN Environment Programme", "UNEP")]
    [InlineData("projects financed in GEF-8", "GEF")]
    [InlineData("a UNEP-led assessment", "UNEP")]
    [InlineData("WHO-supported surveys", "WHO")]
    [InlineData("проекты ГЭФ-8", "GEF")]
    [InlineData("在组织间化学品无害管理方案框架内", "IOMC")]
    public void Organisations_are_found_in_any_language_and_grammatical_case(string text, string id)
    {
        Assert.Equal([id], OrganizationFinder.Default.Find(text));
    }

    [Theory]
    [InlineData("the WHOLE population and WHOLESALE trade")]
    [InlineData("who reported what to whom")]
    [InlineData("the Minamata Convention and its Conference of the Parties")]
    [InlineData("Организация Объединенных Наций")]
    public void Words_that_contain_or_resemble_a_name_are_not_organisations(string text)
    {
        Assert.Empty(OrganizationFinder.Default.Find(text));
    }

    [Fact]
    public void Ids_are_unique_and_sorted()
    {
        var found = OrganizationFinder.Default.Find("WHO, UNEP, the World Health Organization and the United Nations Environment Programme");

        Assert.Equal(["UNEP", "WHO"], found);
    }
}
