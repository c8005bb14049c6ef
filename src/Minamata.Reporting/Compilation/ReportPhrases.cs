using System.Globalization;
using Minamata.Reporting.Metadata;

namespace Minamata.Reporting.Compilation;

/// <summary>Sentences every writer of the compiled report prints, written once.</summary>
public static class ReportPhrases
{
    public static string Coverage(Introduction intro) =>
        $"The present note is based on {intro.ReportCount} report{(intro.ReportCount == 1 ? "" : "s")} from {intro.PartnerCount} partner organization{(intro.PartnerCount == 1 ? "" : "s")} received up to {intro.InformationAsOf}" +
        (intro.PeriodCovered is { } period ? $", covering the period from {Period(period)}." : ".") +
        " Quotations are given in the language of the report they are taken from.";

    public static string Period(ReportingPeriod? period) => period is null ? "" : $"{Month(period.Start)} to {Month(period.End)}";

    /// <summary>"2023-12" as "December 2023".</summary>
    private static string Month(string yearMonth) =>
        DateTime.TryParseExact(yearMonth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : yearMonth;

    public static string DecisionForTitle(string decision) => decision.Replace("[--]", "__", StringComparison.Ordinal);
}
