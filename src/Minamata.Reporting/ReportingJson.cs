using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Minamata.Reporting.Api;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Deadlines;
using Minamata.Reporting.Metadata;
using Minamata.Reporting.Metadata.Fields;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting;

/// <summary>
/// The one JSON shape of the pipeline: camelCase, nulls written out (the contracts say "null where
/// not found"), non-ASCII text left readable. The API, the index and the command line all use it.
/// </summary>
public static class ReportingJson
{
    public static JsonSerializerOptions Options { get; } = With(ReportingJsonContext.Default);

    /// <summary>
    /// Options of the pipeline's shape that also know the types of <paramref name="resolver"/> (a
    /// caller's own source-generated context), for output that adds its own records.
    /// </summary>
    public static JsonSerializerOptions With(IJsonTypeInfoResolver resolver) =>
        Shape(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = ReferenceEquals(resolver, ReportingJsonContext.Default)
                ? resolver
                : JsonTypeInfoResolver.Combine(ReportingJsonContext.Default, resolver),
        });

    /// <summary>
    /// The contract of <typeparamref name="T"/> in the pipeline's shape. Every type read or written
    /// with it is listed on <see cref="ReportingJsonContext"/>: generated, not reflected, so the
    /// command line runs compiled ahead of time and the hosts start without building contracts.
    /// </summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Gives options made with the web defaults the pipeline's shape. The hosts' own options (what
    /// the API's typed results are written with) get it too, so an answer reads as the index does.
    /// </summary>
    public static JsonSerializerOptions Shape(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}

/// <summary>The types the pipeline reads and writes with <see cref="ReportingJson"/>: one line per type.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReportMetadata))]
[JsonSerializable(typeof(ReportingPeriod))]
[JsonSerializable(typeof(Dictionary<string, Correction>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(AgendaItem))]
[JsonSerializable(typeof(InfSeries))]
[JsonSerializable(typeof(DecisionMandate))]
[JsonSerializable(typeof(CompiledReport))]
[JsonSerializable(typeof(OwnActivity.Data))]
[JsonSerializable(typeof(Dictionary<string, MessageTemplates.Template>))]
[JsonSerializable(typeof(OrganizationFinder.RegistryEntry))]
[JsonSerializable(typeof(ApiProblemBody))]
[JsonSerializable(typeof(PartnerHandlers.PartnerBody))]
[JsonSerializable(typeof(IssuanceHandlers.IssueBody))]
[JsonSerializable(typeof(IssuanceHandlers.IssuedSymbolBody))]
[JsonSerializable(typeof(ReportHandlers.WithdrawBody))]
[JsonSerializable(typeof(CompilationHandlers.CompilationBody))]
[JsonSerializable(typeof(UploadHandlers.UploadBody))]
[JsonSerializable(typeof(CycleHandlers.CycleBody))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext;
