using System.Diagnostics;

namespace Minamata.Reporting;

/// <summary>
/// The pipeline's traces: one span per intake and per compilation, carrying ids (report,
/// partner, compilation, cycle) and never file contents or keys. Hosts export the source by name.
/// </summary>
public static class ReportingTelemetry
{
    public const string SourceName = "Minamata.Reporting";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartIntake(string reportId, string partner) =>
        Source.StartActivity("intake")?.SetTag("minamata.report.id", reportId).SetTag("minamata.partner", partner);

    public static Activity? StartCompilation(string compilationId, string cycle) =>
        Source.StartActivity("compilation")?.SetTag("minamata.compilation.id", compilationId).SetTag("minamata.cycle", cycle);
}
