using Minamata.Reporting.Metadata;
using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

public sealed class ReportingPeriodFinderTests
{
    [Theory]
    [InlineData("The report covers the period from December 2023 to June 2025.", "2023-12", "2025-06")]
    [InlineData("covering the period 1 January 2024 – 30 June 2025", "2024-01", "2025-06")]
    [InlineData("activities between January 2024 and March 2025", "2024-01", "2025-03")]
    [InlineData("for the biennium 2024–2025", "2024-01", "2025-12")]
    [InlineData("охватывает период с декабря 2023 года по июнь 2025 года", "2023-12", "2025-06")]
    [InlineData("за двухгодичный период 2024–2025 годов", "2024-01", "2025-12")]
    [InlineData("de décembre 2023 à juin 2025", "2023-12", "2025-06")]
    [InlineData("du 1er janvier 2024 au 30 juin 2025", "2024-01", "2025-06")]
    [InlineData("pour l'exercice biennal 2024-2025", "2024-01", "2025-12")]
    [InlineData("de diciembre de 2023 a junio de 2025", "2023-12", "2025-06")]
    [InlineData("el bienio 2024-2025", "2024-01", "2025-12")]
    [InlineData("2023年12月至2025年6月期间", "2023-12", "2025-06")]
    [InlineData("在2024-2025两年期内", "2024-01", "2025-12")]
    [InlineData("من كانون الأول/ديسمبر 2023 إلى حزيران/يونيه 2025", "2023-12", "2025-06")]
    [InlineData("خلال فترة السنتين 2024-2025", "2024-01", "2025-12")]
    [InlineData("The report covers January–June 2025.", "2025-01", "2025-06")]
    [InlineData("Le présent rapport couvre la période janvier–juin 2025.", "2025-01", "2025-06")]
    [InlineData("за отчетный период (январь–июнь 2027 года)", "2027-01", "2027-06")]
    [InlineData("de enero a junio de 2026", "2026-01", "2026-06")]
    [InlineData("本报告所述期间为2025年1月至6月。", "2025-01", "2025-06")]
    [InlineData("It reviews the work from 2023 to 2025 on safety.", "2023-01", "2025-12")]
    [InlineData("operaciones aprobadas de 2023 a 2026", "2023-01", "2026-12")]
    [InlineData("работа с 2024 по 2026 год", "2024-01", "2026-12")]
    [InlineData("A pilot ran from 2015 to 2018. This report covers the period from July 2025 to June 2027.", "2025-07", "2027-06")]
    [InlineData("La presente nota abarca la información recibida entre el 1 de julio de 2025 y el 30 de junio de 2027.", "2025-07", "2027-06")]
    [InlineData("couvre la période comprise entre janvier 2025 et mars 2027", "2025-01", "2027-03")]
    [InlineData("Activities in the 2025–2026 biennium", "2025-01", "2026-12")]
    [InlineData("Проект рассчитан на 2025–2029 годы. Доклад охватывает деятельность за 2026 год.", "2026-01", "2026-12")]
    [InlineData("un projet mis en œuvre de 2016 à 2020. Le présent rapport porte sur les activités menées de 2024 à 2026.", "2024-01", "2026-12")]
    public void A_stated_period_is_read_to_the_month(string text, string start, string end)
    {
        Assert.Equal(new ReportingPeriod(start, end), ReportingPeriodFinder.Find(text, DateScanner.Scan(text))?.Period);
    }

    [Theory]
    [InlineData("Geneva, 1–5 November 2027")]
    [InlineData("from June 2025 to December 2023")]
    [InlineData("dated 15 July 2025 and 20 August 2025 respectively")]
    [InlineData("no dates here at all")]
    public void Meeting_dates_backward_ranges_and_lists_are_not_periods(string text)
    {
        Assert.Null(ReportingPeriodFinder.Find(text, DateScanner.Scan(text)));
    }

    [Fact]
    public void A_period_that_starts_after_the_document_was_issued_is_a_plan_not_what_it_covers()
    {
        const string text = "Le secrétariat prévoit pour l'exercice biennal 2028-2029 de nouveaux ateliers.";

        Assert.Null(ReportingPeriodFinder.Find(text, DateScanner.Scan(text), "2027-09-01"));
        Assert.NotNull(ReportingPeriodFinder.Find(text, DateScanner.Scan(text)));
    }
}
