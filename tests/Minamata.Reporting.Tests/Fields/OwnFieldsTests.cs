using Minamata.Reporting.Documents;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

/// <summary>
/// The fields a document states about itself (symbol, title, date) come from its cover, letterhead
/// or running header, never from what its body cites or from parts of a cover that are not them.
/// </summary>
public sealed class OwnFieldsTests
{
    private const string PartnerReport = """
        World Health Organization
        Department of Environment, Climate Change and Health · Avenue Appia 20, 1211 Geneva 27, Switzerland
        WHO/HEP/ECH/2025.1
        Mercury and health:
        WHO activities in support of the
        Minamata Convention on Mercury
        Geneva, 4 July 2025
        Executive summary
        This report is submitted in response to decision MC-5/7 and to document UNEP/MC/COP.5/INF/28, as conveyed by the secretariat on 9 January 2025, and covers 2024.
        1. Dental amalgam
        """;

    [Fact]
    public void A_partners_own_report_takes_no_cited_symbol_nor_its_own_number_and_its_title_and_date_are_the_title_pages()
    {
        var document = new DocumentText("docx", PartnerReport) { RunningText = "World Health Organization\nMercury and health" };

        var metadata = MetadataFields.Read(document, "who.docx", "0");

        Assert.Null(metadata.Symbol);
        Assert.Equal(["UNEP/MC/COP.5/INF/28"], metadata.ReferencedDocuments);
        Assert.Equal("Mercury and health: WHO activities in support of the Minamata Convention on Mercury", metadata.Title);
        Assert.Equal("2025-07-04", metadata.DocumentDate);
        Assert.Equal("cover", metadata.Sources.Title);
        Assert.Equal("cover", metadata.Sources.DocumentDate);
        Assert.Equal("WHO", metadata.SubmittedBy);
    }

    [Fact]
    public void A_symbol_printed_only_in_the_running_header_is_the_documents_own()
    {
        var document = new DocumentText("docx", "Nuclear techniques for mercury monitoring\n\n1. Mandate\nThe text cites UNEP/MC/COP.6/INF/33.") { RunningText = "UNEP/MC/COP.7/INF/16\n2" };

        var metadata = MetadataFields.Read(document, "iaea.docx", "0");

        Assert.Equal("UNEP/MC/COP.7/INF/16", metadata.Symbol);
        Assert.Equal("header", metadata.Sources.Symbol);
        Assert.Equal(["UNEP/MC/COP.6/INF/33"], metadata.ReferencedDocuments);
    }

    [Theory]
    [InlineData("Working Paper No. 312\nILO/SECTOR/WP.312\nOccupational exposure to mercury\nSubmitted by the International Labour Organization\n\nExecutive summary", "Occupational exposure to mercury")]
    [InlineData("Réduire l’utilisation du mercure\nRapport de l’Organisation des Nations Unies pour le développement industriel à la Conférence\nDate : 15.07.2027\n\nRésumé analytique", "Réduire l’utilisation du mercure")]
    [InlineData("联合国开发计划署\n纽约联合国广场一号，邮编10017\n2027年9月3日\n致：关于汞的水俣公约秘书处执行秘书\n事由：转交《手工和小规模采金业国家行动计划执行情况：经验与教训》报告\n执行秘书女士：\n谨随函转交联合国开发计划署编写的报告，供关于汞的水俣公约缔约方大会第七次会议参考，恳请予以分发。", "手工和小规模采金业国家行动计划执行情况：经验与教训")]
    [InlineData("1. Introduction\nThe note reviews the portfolio.", null)]
    [InlineData("Distr.: General\nReport of the United Nations Institute for Training\nand Research on its activities\nCorrigendum\nNote by the secretariat\n1. The text.", "Report of the United Nations Institute for Training and Research on its activities")]
    [InlineData("Agence internationale de l’énergie atomique\nEssais d’aptitude pour le mercure :\nl’appui de l’AIEA aux laboratoires\nContribution de l’Agence internationale de l’énergie atomique à la septième réunion\nMonaco, le 14 juin 2027\n1. Introduction", "Essais d’aptitude pour le mercure : l’appui de l’AIEA aux laboratoires")]
    [InlineData("World Health Organization\nREGIONAL OFFICE FOR Europe\nPHASING DOWN DENTAL AMALGAM\nIN THE WHO EUROPEAN REGION\n\n1. Introduction", "PHASING DOWN DENTAL AMALGAM IN THE WHO EUROPEAN REGION")]
    [InlineData("United Nations\nEnvironment Programme\nWorld Health\nOrganization\nMercury-added skin-lightening products:\nmarket surveillance report 2026\nFindings of joint market surveys in fourteen countries\nSubmitted jointly by the United Nations Environment Programme and the World Health Organization\n1.\tIntroduction", "Mercury-added skin-lightening products: market surveillance report 2026")]
    [InlineData("Progress in the partnership areas of the Global\nMercury Partnership\n15 Jul 2025\nExecutive summary", "Progress in the partnership areas of the Global Mercury Partnership")]
    [InlineData("Fondo de las Naciones Unidas para la\nInfancia\nOficina Regional para América Latina y el Caribe\nEdificio 102, Ciudad del Saber, Panamá\nNiñas, niños y mercurio\n1. Introducción", "Niñas, niños y mercurio")]
    [InlineData("برنامج الأمم المتحدة الإنمائي\nالمكتب القطري في المملكة العربية السعودية – الرياض\nالرقم: UNDP/SAU/ENV/2027/03\nالتاريخ: 3 رمضان 1448هـ\nالزئبق في قطاع النفط والغاز\n1 -\tخلفية", "الزئبق في قطاع النفط والغاز")]
    [InlineData("Programa de las Naciones Unidas para el Desarrollo\nPNUD Colombia · Área de Desarrollo Sostenible · Avenida 82 n.º 10-62, Bogotá D.C.\nBogotá D.C., marzo 3 de 2027\nFormalización minera en Colombia\nElaborado por el PNUD con la colaboración de la ONUDI\n1.\tPresentación", "Formalización minera en Colombia")]
    [InlineData("氯碱生产中的汞替代：\n工发组织技术援助进展报告\n\n1. 导言", "氯碱生产中的汞替代：工发组织技术援助进展报告")]
    public void Letterheads_numbers_bylines_letters_and_headings_are_never_the_title(string text, string? title)
    {
        Assert.Equal(title, MetadataFields.Read(new DocumentText("txt", text), "r.txt", "0").Title);
    }

    [Fact]
    public void The_title_falls_back_to_document_properties_unless_they_hold_a_placeholder()
    {
        var text = "1. Introduction\nThe note reviews the portfolio.";

        Assert.Equal("Financing mercury-free gold mining", MetadataFields.Read(new DocumentText("docx", text, new DocumentHints("Financing mercury-free gold mining")), "r.docx", "0").Title);
        Assert.Equal("properties", MetadataFields.Read(new DocumentText("docx", text, new DocumentHints("Financing mercury-free gold mining")), "r.docx", "0").Sources.Title);
        Assert.Null(MetadataFields.Read(new DocumentText("docx", text, new DocumentHints("Document1")), "r.docx", "0").Title);
        Assert.Null(MetadataFields.Read(new DocumentText("docx", text, new DocumentHints("Microsoft Word - report.docx")), "r.docx", "0").Title);
    }

    [Fact]
    public void The_documents_date_is_the_dated_line_not_the_first_date_nor_a_periods_end()
    {
        var text = "Nuclear techniques for mercury monitoring\nReporting period: 1 July 2025 – 31 March 2027\nDate: 3 May 2027\n\nExecutive summary\nThe text.";

        var metadata = MetadataFields.Read(new DocumentText("txt", text), "r.txt", "0");

        Assert.Equal("2027-05-03", metadata.DocumentDate);
        Assert.Equal(new Minamata.Reporting.Metadata.ReportingPeriod("2025-07", "2027-03"), metadata.ReportingPeriod);
    }
}
