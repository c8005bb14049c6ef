using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Minamata.Reporting.Compilation;

/// <summary>The compiled report as JSON: the model itself, indented, in a fixed order, so the same index gives the same bytes.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonTypeInfo<CompiledReport> Contract =
        (JsonTypeInfo<CompiledReport>)new JsonSerializerOptions(ReportingJson.Options) { WriteIndented = true }.GetTypeInfo(typeof(CompiledReport));

    public string Format => "json";

    public string MediaType => "application/json; charset=utf-8";

    public byte[] Write(CompiledReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Contract);
}
