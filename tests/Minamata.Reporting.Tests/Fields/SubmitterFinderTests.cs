using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

/// <summary>Who submitted a report, as the report says it, in the six languages.</summary>
public sealed class SubmitterFinderTests
{
    [Theory]
    [InlineData("Occupational exposure to mercury\n\nThis paper is a report submitted by the International Labour Organization to the Conference.", "ILO", "body")]
    [InlineData("Report of the Global Environment Facility to the seventh meeting of the Conference of the Parties\n\nExecutive summary\nText of the report follows here.", "GEF", "cover")]
    [InlineData("Rapport de l'Organisation mondiale de la Santé sur le mercure\n\nRésumé\nLe texte du rapport suit ici.", "WHO", "cover")]
    [InlineData("Informe de la Organización de las Naciones Unidas para la Alimentación y la Agricultura\n\nResumen\nEl texto del informe.", "FAO", "cover")]
    [InlineData("Охрана труда\n\n1. Секретариат имеет честь препроводить доклад, представленный Международной организацией труда, в том виде, в котором он был получен.", "ILO", "body")]
    [InlineData("حماية الأطفال\n\n1 - تتشرف الأمانة بأن تعمم تقريراً مقدماً من منظمة الأمم المتحدة للطفولة دون تحرير رسمي في مرفق هذه المذكرة.", "UNICEF", "body")]
    [InlineData("汞与健康\n\n1. 秘书处谨在本说明附件中分发世界卫生组织提交的报告，报告未经正式编辑。", "WHO", "body")]
    [InlineData("World Health Organization\nAvenue Appia 20, 1211 Geneva 27, Switzerland\nMercury and health\n\nExecutive summary\nThe text.", "WHO", "cover")]
    [InlineData("Technical assistance on mercury wastes\nReport submitted by the Secretariat of the Basel, Rotterdam and Stockholm Conventions\n\nSummary\nThe text.", "BRS", "cover")]
    [InlineData("El Marco Mundial y el Convenio de Minamata\nSecretaría del Marco Mundial sobre los Productos Químicos\n\nResumen\nEl texto.", "GFC", "cover")]
    [InlineData("United Nations\nEnvironment Programme\nSkin-lightening products\n\n1. Introduction\nThe text.", "UNEP", "cover")]
    [InlineData("Пищевые продукты\n\n1. Секретариат препровождает доклад, представленный совместно ФАО и МАГАТЭ, без официального редактирования.", "FAO", "body")]
    public void The_submitter_is_read_from_the_cover_the_letterhead_or_a_sentence_of_the_body(string text, string id, string source)
    {
        var metadata = MetadataFields.Read(new DocumentText("txt", text), "report.txt", "0");

        Assert.Equal(id, metadata.SubmittedBy);
        Assert.Equal(source, metadata.Sources.SubmittedBy);
    }

    [Fact]
    public void A_header_naming_the_organisation_is_the_source_when_the_page_says_nothing_else()
    {
        var document = new DocumentText("docx", "1. Introduction\n1.1 The note reviews the portfolio of projects.") { RunningText = "World Bank — information note for COP-7" };

        var metadata = MetadataFields.Read(document, "note.docx", "0");

        Assert.Equal("WB", metadata.SubmittedBy);
        Assert.Equal("header", metadata.Sources.SubmittedBy);
    }

    [Theory]
    [InlineData("Note by the secretariat\n\n1. The secretariat took note of the report of the Council of the Global Environment Facility.")]
    [InlineData("International cooperation\nNote by the secretariat\n\n1. Reports received from WHO and ILO are reproduced in documents UNEP/MC/COP.7/INF/13 to 16.")]
    public void A_note_by_the_secretariat_circulating_nobodys_report_has_no_submitter(string text)
    {
        Assert.Null(MetadataFields.Read(new DocumentText("txt", text), "note.txt", "0").SubmittedBy);
    }
}
