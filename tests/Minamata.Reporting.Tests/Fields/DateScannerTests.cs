using Minamata.Reporting.Metadata.Fields;

namespace Minamata.Reporting.Tests.Fields;

public sealed class DateScannerTests
{
    [Theory]
    [InlineData("Geneva, 15 July 2025", "2025-07-15")]
    [InlineData("July 15, 2025", "2025-07-15")]
    [InlineData("15 juillet 2025", "2025-07-15")]
    [InlineData("1er juillet 2025", "2025-07-01")]
    [InlineData("le 3 aout 2025", "2025-08-03")]
    [InlineData("3 août 2025", "2025-08-03")]
    [InlineData("12 février 2026", "2026-02-12")]
    [InlineData("15 de julio de 2025", "2025-07-15")]
    [InlineData("1 de septiembre de 2025", "2025-09-01")]
    [InlineData("15 июля 2025 года", "2025-07-15")]
    [InlineData("20 июня 2025 г.", "2025-06-20")]
    [InlineData("3 мая 2024 года", "2024-05-03")]
    [InlineData("2025年7月15日", "2025-07-15")]
    [InlineData("15 تموز/يوليه 2025", "2025-07-15")]
    [InlineData("15 يوليو 2025", "2025-07-15")]
    [InlineData("1 كانون الثاني/يناير 2026", "2026-01-01")]
    [InlineData("2025-07-15", "2025-07-15")]
    [InlineData("Date : 15.07.2025", "2025-07-15")]
    [InlineData("Geneva, 15/07/2025", "2025-07-15")]
    [InlineData("Дата: 15.07.2027", "2027-07-15")]
    [InlineData("15 Jul 2025", "2025-07-15")]
    [InlineData("3 Sept. 2025", "2025-09-03")]
    [InlineData("July 15 2025", "2025-07-15")]
    [InlineData("二〇二七年七月十五日", "2027-07-15")]
    [InlineData("二〇二五年十二月三十一日", "2025-12-31")]
    [InlineData("١٥ تموز/يوليه ٢٠٢٧", "2027-07-15")]
    [InlineData("«12» мая 2027 г.", "2027-05-12")]
    [InlineData("Geneva and Nairobi, the 3rd of March 2027", "2027-03-03")]
    [InlineData("Bogotá D.C., marzo 3 de 2027", "2027-03-03")]
    [InlineData("el 1.º de enero de 2025", "2025-01-01")]
    [InlineData("الموافق: 10 فبراير 2027م", "2027-02-10")]
    public void Dates_as_the_UN_writes_them_in_six_languages_are_read_in_the_gregorian_calendar(string text, string date)
    {
        // The scanner reads text as the extractor gives it: digits of every script already ASCII.
        var mention = Assert.Single(DateScanner.Scan(TextNormaliser.Normalise(text)));
        Assert.Equal(date, mention.ToDate());
    }

    [Theory]
    [InlineData("December 2023", "2023-12")]
    [InlineData("décembre 2023", "2023-12")]
    [InlineData("diciembre de 2023", "2023-12")]
    [InlineData("декабря 2023 года", "2023-12")]
    [InlineData("июнь 2025 года", "2025-06")]
    [InlineData("2023年12月", "2023-12")]
    [InlineData("كانون الأول/ديسمبر 2023", "2023-12")]
    public void Months_without_a_day_are_read_to_the_month(string text, string month)
    {
        var mention = Assert.Single(DateScanner.Scan(text));
        Assert.Null(mention.Day);
        Assert.Equal(month, mention.ToMonth());
    }

    [Theory]
    [InlineData("31 February 2025")]
    [InlineData("the 2025 session")]
    [InlineData("mayor 2025")]
    [InlineData("resolution 6/3 of 2024")]
    [InlineData("UNEP/MC/COP.6/22/2025")]
    [InlineData("32/13/2025")]
    public void Things_that_are_not_dates_are_not_read_as_dates(string text)
    {
        Assert.Empty(DateScanner.Scan(text));
    }
}
