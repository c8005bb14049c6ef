using System.Text.Json;

namespace Minamata.Reporting.Compilation;

/// <summary>The compiled report as JSON: the model itself, indented, in a fixed order, so the same index gives the same bytes.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonSerializerOptions Options = new(ReportingJson.Options) { WriteIndented = true };

    public string Format => "json";

    public string MediaType => "application/json; charset=utf-8";

    public byte[] Write(CompiledReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);
}
