using System.Text.Encodings.Web;
using System.Text.Json;

namespace Minamata.Reporting;

/// <summary>
/// The one JSON shape of the pipeline: camelCase, nulls written out (the contracts say "null where
/// not found"), non-ASCII text left readable. The API, the index and the command line all use it.
/// </summary>
public static class ReportingJson
{
    public static JsonSerializerOptions Options { get; } = Shape(new JsonSerializerOptions(JsonSerializerDefaults.Web));

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
